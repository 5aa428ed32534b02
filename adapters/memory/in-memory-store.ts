import type { ApiKeyId, ApiKeyRecord } from '../../application/ports/api-key-repository.ts';
import type { BuilderProfile } from '../../domain/builder/builder-profile.ts';
import type { BotSettings } from '../../application/ports/configuration.ts';
import type { InboxEntry, MediaFetch } from '../../application/ports/inbox-repository.ts';
import type { OwnedMedia } from '../../application/ports/media-store.ts';
import type { ConsentRecord } from '../../application/ports/personal-data-repository.ts';
import type { DataSubjectRequest } from '../../domain/lead/erasure.ts';
import type { QuoteRecord } from '../../application/ports/quote-repository.ts';
import type { PriceBucket, Project, Unit, UnitType } from '../../domain/catalog/catalog.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import type { Lead, Visit } from '../../domain/lead/lead.ts';
import type { Message } from '../../domain/messaging/message.ts';
import type { AdvisorGroup, BusinessLine, User } from '../../domain/organisation/organisation.ts';
import type {
  AdvisorGroupId,
  ConversationId,
  LeadId,
  LineId,
  MediaId,
  MessageId,
  PriceBucketId,
  ProjectId,
  QuoteId,
  UnitId,
  UnitTypeId,
  UserId,
  VisitId,
} from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Template } from '../../domain/templates/template.ts';
import type { Appointment, AppointmentId } from '../../domain/visit/appointment.ts';
import type { LeadNote } from '../../domain/visit/lead-note.ts';
import type { Reservation, ReservationId } from '../../domain/visit/reservation.ts';

/**
 * Everything a transaction may change. Maps keep insertion order, and replacing a key keeps its place,
 * which is what "in the order they were stored" means for messages.
 */
export type StoreData = {
  lines: Map<LineId, BusinessLine>;
  users: Map<UserId, User>;
  groups: Map<AdvisorGroupId, AdvisorGroup>;
  apiKeys: Map<ApiKeyId, ApiKeyRecord>;
  projects: Map<ProjectId, Project>;
  unitTypes: Map<UnitTypeId, UnitType>;
  units: Map<UnitId, Unit>;
  priceBuckets: Map<PriceBucketId, PriceBucket>;
  /** Keyed by `templateKey(name, language)`. */
  templates: Map<string, Template>;
  settings: BotSettings | null;
  builder: BuilderProfile | null;
  leads: Map<LeadId, Lead>;
  visits: Map<VisitId, Visit>;
  /** Questions leads asked the bot, in the order kept. */
  notes: LeadNote[];
  conversations: Map<ConversationId, Conversation>;
  messages: Map<MessageId, Message>;
  quotes: Map<QuoteId, QuoteRecord>;
  quoteSequence: number;
  /** Outbound messages a sender has claimed, until when. */
  leases: Map<MessageId, Instant>;
  inbox: InboxRow[];
  /** Files still to be copied from WhatsApp, by message, in the order they were queued. */
  mediaFetches: Map<MessageId, MediaFetchRow>;
  appointments: Map<AppointmentId, Appointment>;
  reservations: Map<ReservationId, Reservation>;
  /** Every consent a lead gave, in the order given (the `consents` table). */
  consents: (ConsentRecord & { leadId: LeadId })[];
  /** The audit of data subjects' requests, in the order recorded. */
  dataSubjectRequests: DataSubjectRequest[];
};

export type InboxRow = {
  id: number;
  waId: string;
  key: string;
  entry: InboxEntry;
  receivedAt: Instant;
  /** When it left the queue: processed, or dead-lettered. */
  processedAt: Instant | null;
  attempts: number;
  failures: number;
  notBefore: Instant;
  lastError: string | null;
  errorCode: string | null;
  deadLetteredAt: Instant | null;
  discardedAt: Instant | null;
};

export type MediaFetchRow = {
  fetch: MediaFetch;
  receivedAt: Instant;
  attempts: number;
  nextAttemptAt: Instant;
  lease: string | null;
  leasedUntil: Instant | null;
  lastError: string | null;
};

export type StoreSnapshot = { readonly data: StoreData };

const emptyData = (): StoreData => ({
  lines: new Map(),
  users: new Map(),
  groups: new Map(),
  apiKeys: new Map(),
  projects: new Map(),
  unitTypes: new Map(),
  units: new Map(),
  priceBuckets: new Map(),
  templates: new Map(),
  settings: null,
  builder: null,
  leads: new Map(),
  visits: new Map(),
  notes: [],
  conversations: new Map(),
  messages: new Map(),
  quotes: new Map(),
  quoteSequence: 0,
  leases: new Map(),
  inbox: [],
  mediaFetches: new Map(),
  appointments: new Map(),
  reservations: new Map(),
  consents: [],
  dataSubjectRequests: [],
});

export const templateKey = (name: string, language: string): string => `${name}\u0000${language}`;

/** Values go in and come out as copies, so no caller can change stored state behind a repository's back. */
export const copy = <T>(value: T): T => structuredClone(value);

/** The whole database of the in-memory adapters: plain maps, with snapshots for rollback. */
export class InMemoryStore {
  data: StoreData = emptyData();
  /**
   * Media is kept apart from `data`: like a blob store, it is not transactional, so a rolled-back
   * transaction must not drop files stored meanwhile.
   */
  readonly media = new Map<MediaId, OwnedMedia>();

  snapshot(): StoreSnapshot {
    return { data: copy(this.data) };
  }

  restore(snapshot: StoreSnapshot): void {
    this.data = copy(snapshot.data);
  }
}
