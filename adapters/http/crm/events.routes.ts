import { createRoute, z } from '@hono/zod-openapi';
import { authResponses, problemResponse } from './crm-responses.ts';

export const eventsRoute = createRoute({
  method: 'get',
  path: '/events',
  tags: ['Events'],
  summary: 'Live desk events (server-sent events)',
  description:
    'A `text/event-stream`: each event has `event: <type>` (message_received, message_queued, message_status_changed, ' +
    'lead_registered, lead_assigned, visit_changed, conversation_handed, lead_note_added, appointment_changed, appointment_reminder_not_sent, ' +
    'reservation_expired, user_deactivated), ' +
    '`data: <json>` (`v: 1`, the `type` again and the ids it concerns) and an `id`. `appointment_changed` carries the ' +
    '`appointmentId`, its `advisorId`, `status` and the `change` (scheduled, rescheduled, status_changed, reminder_queued); ' +
    '`appointment_reminder_not_sent` tells the advisor a reminder came due and could not be sent, with a `reason` ' +
    '(no_approved_template, template_parameter_mismatch, lead_has_no_whatsapp, appointment_started). Advisors get only events ' +
    'about their own leads and their own agenda; ' +
    'managers and admins get everything, including bot conversations with no lead yet. A `: heartbeat` ' +
    'comment every 15 s. The stream of a user who is deactivated ends at once. ' +
    'At most 5 open streams per API key (and a total per server): more are refused with 429 `too_many_streams`.',
  responses: {
    200: { description: 'The stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...authResponses,
    429: problemResponse(
      'Request budget spent (`rate_limited`), or too many open streams (`too_many_streams`); see `Retry-After`.',
    ),
  },
});
