import type { DeskEvent } from '../../application/ports/events.ts';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (its default build); this leaves a margin. */
export const MAX_PAYLOAD_BYTES = 7_900;

/** What one NOTIFY carries: events published by one instance, in order. */
export type EventNotification = { readonly from: string; readonly events: readonly DeskEvent[] };

/** Every type this version knows; a `Record` so that a new `DeskEvent` type cannot be forgotten here. */
const KNOWN_TYPES: Readonly<Record<DeskEvent['type'], true>> = {
  message_received: true,
  message_queued: true,
  message_status_changed: true,
  lead_registered: true,
  lead_assigned: true,
  visit_changed: true,
  conversation_handed: true,
  lead_note_added: true,
  appointment_changed: true,
  appointment_reminder_not_sent: true,
  reservation_expired: true,
  user_deactivated: true,
};

const bytesOf = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * `events` from instance `from` as few payloads as fit in `maxBytes` each, in order. An event too big on
 * its own still gets a payload (which NOTIFY then refuses); events are a few ids, so it does not happen.
 */
export const encodeNotifications = (
  from: string,
  events: readonly DeskEvent[],
  maxBytes = MAX_PAYLOAD_BYTES,
): string[] => {
  const head = `{"from":${JSON.stringify(from)},"events":[`;
  const tail = ']}';
  const empty = bytesOf(head) + bytesOf(tail);
  const payloads: string[] = [];
  let batch: string[] = [];
  let bytes = empty;
  for (const event of events) {
    const json = JSON.stringify(event);
    if (batch.length > 0 && bytes + 1 + bytesOf(json) > maxBytes) {
      payloads.push(head + batch.join(',') + tail);
      batch = [];
      bytes = empty;
    }
    bytes += (batch.length > 0 ? 1 : 0) + bytesOf(json);
    batch.push(json);
  }
  if (batch.length > 0) payloads.push(head + batch.join(',') + tail);
  return payloads;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Shape-checked, not field-checked: payloads come from this app's own instances on the same database.
const isKnownEvent = (value: unknown): value is DeskEvent =>
  isRecord(value) && typeof value.type === 'string' && Object.hasOwn(KNOWN_TYPES, value.type);

/**
 * The notification in `payload`, or `null` when it is not one. Events of a type this version does not
 * know (a newer instance during a rolling deploy) are left out.
 */
export const decodeNotification = (payload: string): EventNotification | null => {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.from !== 'string' || !Array.isArray(value.events)) return null;
  return { from: value.from, events: value.events.filter(isKnownEvent) };
};
