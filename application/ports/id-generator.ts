import type { MediaLease } from './media-fetch-queue.ts';
import type {
  AdvisorGroupId,
  ConversationId,
  LeadId,
  MediaId,
  MessageId,
  QuoteId,
  UserId,
  VisitId,
  WaMessageId,
} from '../../domain/shared/ids.ts';
import type { DataSubjectRequestId } from '../../domain/lead/erasure.ts';
import type { AppointmentId } from '../../domain/visit/appointment.ts';
import type { ReservationId } from '../../domain/visit/reservation.ts';
import type { ApiKeyId } from './api-key-repository.ts';

/** Each kind of new identity, by its readable prefix: `next('lead')` is a `LeadId`. */
export interface IdKinds {
  readonly lead: LeadId;
  readonly visit: VisitId;
  readonly conv: ConversationId;
  readonly msg: MessageId;
  readonly quote: QuoteId;
  readonly media: MediaId;
  readonly user: UserId;
  readonly group: AdvisorGroupId;
  readonly key: ApiKeyId;
  readonly resv: ReservationId;
  readonly appt: AppointmentId;
  /** A data subject's request, in the audit. */
  readonly dsr: DataSubjectRequestId;
  /** Who holds a file being copied from WhatsApp (`MediaFetchQueue`): unique across instances. */
  readonly lease: MediaLease;
  /** A message a lead plays on the fake WhatsApp, where Meta would have named it. */
  readonly 'wamid.fake-in': WaMessageId;
}

export type IdKind = keyof IdKinds;

/** The source of new identities, so tests can make them deterministic. */
export interface IdGenerator {
  /** A new unique id of that kind with its prefix, e.g. "lead_…"; never throws. */
  next<K extends IdKind>(kind: K): IdKinds[K];
}
