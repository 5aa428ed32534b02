import type { TemplateStatusUpdate } from '../../../application/ports/inbound.ts';
import type { InboxEntry } from '../../../application/ports/inbox-repository.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';
import type { Instant } from '../../../domain/shared/time.ts';
import {
  describeIssues,
  MessagesValue,
  parseContacts,
  TemplateStatusValue,
  WebhookEnvelope,
} from './webhook-envelope.ts';
import { toMessageEntry } from './webhook-message.ts';
import { toStatusEntry } from './webhook-status.ts';

/** What a webhook can put in the inbox: a message or a status (never the inbox's own follow-up work). */
export type WebhookEntry = Extract<InboxEntry, { kind: 'message' | 'status' }>;

/** A webhook POST in the application's terms. */
export type ParsedWebhook = {
  /** Every message and status of every entry and change, in payload order. */
  readonly entries: readonly WebhookEntry[];
  readonly templateUpdates: readonly TemplateStatusUpdate[];
  /** The `field` of each change we do not handle (quality updates, account alerts, …), one per change. */
  readonly ignoredFields: readonly string[];
  /** Messages without an id or sender, and statuses without an id or a known status: dropped, to be logged. */
  readonly skipped: number;
};

type Accumulator = {
  entries: WebhookEntry[];
  templateUpdates: TemplateStatusUpdate[];
  ignoredFields: string[];
  skipped: number;
};

const readMessages = (value: unknown, receivedAt: Instant, into: Accumulator): string | null => {
  const parsed = MessagesValue.safeParse(value);
  if (!parsed.success) return describeIssues(parsed.error);
  const line = {
    phoneNumberId: parsed.data.metadata.phone_number_id,
    contacts: parseContacts(parsed.data.contacts ?? []),
    receivedAt,
  };
  const found = [
    ...(parsed.data.messages ?? []).map((m) => toMessageEntry(m, line)),
    ...(parsed.data.statuses ?? []).map((s) => toStatusEntry(s, receivedAt)),
  ];
  for (const entry of found) {
    if (entry === null) into.skipped += 1;
    else into.entries.push(entry);
  }
  return null;
};

const readTemplateStatus = (value: unknown, into: Accumulator): string | null => {
  const parsed = TemplateStatusValue.safeParse(value);
  if (!parsed.success) return describeIssues(parsed.error);
  const { message_template_name: name, message_template_language: language, event, reason } = parsed.data;
  into.templateUpdates.push({ name, language, event, reason: reason ?? null });
  return null;
};

const readChange = (field: string, value: unknown, receivedAt: Instant, into: Accumulator): string | null => {
  switch (field) {
    case 'messages':
      return readMessages(value, receivedAt, into);
    case 'message_template_status_update':
      return readTemplateStatus(value, into);
    default:
      into.ignoredFields.push(field);
      return null;
  }
};

/**
 * Reads a webhook body (already JSON-parsed). An error when the envelope or a handled change's `value` is
 * malformed: then nothing of it should be stored. Single messages and statuses never fail the whole POST.
 * Pure and total: never throws, whatever `json` is.
 */
export const parseWebhook = (json: unknown, receivedAt: Instant): Result<ParsedWebhook, string> => {
  const envelope = WebhookEnvelope.safeParse(json);
  if (!envelope.success) return err(describeIssues(envelope.error));
  const into: Accumulator = { entries: [], templateUpdates: [], ignoredFields: [], skipped: 0 };
  for (const [i, entry] of envelope.data.entry.entries()) {
    for (const [j, change] of entry.changes.entries()) {
      const problem = readChange(change.field, change.value, receivedAt, into);
      if (problem !== null) return err(`entry.${i}.changes.${j}.value: ${problem}`);
    }
  }
  return ok(into);
};
