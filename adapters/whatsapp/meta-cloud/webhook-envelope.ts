import { z } from 'zod';

/**
 * Meta's webhook envelope, checked only as deep as routing needs: each change's `value` is parsed by its
 * `field`, and each message or status on its own, so one odd item cannot sink a batch. Unknown properties
 * are allowed everywhere (Meta keeps adding them) and stripped. See adapters/whatsapp/meta-cloud/README.md §F3.
 */
export const WebhookEnvelope = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      changes: z.array(z.object({ field: z.string(), value: z.unknown().optional() })),
    }),
  ),
});

/** `field: "messages"`: inbound messages and/or statuses for one of our phone numbers. */
export const MessagesValue = z.object({
  metadata: z.object({ phone_number_id: z.string().min(1) }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

/** `field: "message_template_status_update"`. */
export const TemplateStatusValue = z.object({
  message_template_name: z.string().min(1),
  message_template_language: z.string().min(1),
  event: z.string().min(1),
  reason: z.string().nullish(),
});

/** The sender's profile; `wa_id` is absent for users with a username, `user_id` is the business-scoped id. */
const Contact = z.object({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.object({ name: z.string().optional() }).optional(),
});

export type MetaContact = z.infer<typeof Contact>;

/** Keeps the contacts that parse; a malformed one only costs its profile name. */
export const parseContacts = (raw: readonly unknown[]): MetaContact[] =>
  raw.flatMap((item) => {
    const parsed = Contact.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });

/** Meta's timestamps: strings of Unix seconds (numbers accepted too). */
const UnixSeconds = z.union([
  z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
  z.number().int().nonnegative().max(1e12),
]);

/** Milliseconds for a Meta timestamp, or `fallback` (when we received it) when it is missing or malformed. */
export const instantOf = (raw: unknown, fallback: number): number => {
  const parsed = UnixSeconds.safeParse(raw);
  return parsed.success ? parsed.data * 1000 : fallback;
};

/** A short, value-free description of why zod refused the input (safe to log and to answer). */
export const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
