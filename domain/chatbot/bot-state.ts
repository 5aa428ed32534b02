import type { DataController } from './data-controller.ts';
import type { PropertyType } from '../catalog/catalog.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { SearchCriteria } from '../catalog/search.ts';
import type { Email } from '../contact/email.ts';
import type { ProjectId, UnitTypeId } from '../shared/ids.ts';
import type { Instant } from '../shared/time.ts';
import type { OutboundContent } from '../messaging/outbound.ts';
import type { BotTexts } from './bot-texts.ts';

/**
 * Provable consent (Ley 1581 de 2012, Decreto 1377 de 2013): when, to which version of the policy, what the lead
 * was shown (SHA-256 of the consent question's text) and which inbound message gave it (Meta's id of the tap or
 * the typed answer). The last two are null for consents recorded before they were kept, and for a CRM lead's.
 */
export type Consent = {
  readonly at: Instant;
  readonly policyVersion: string;
  readonly policyTextHash: string | null;
  readonly messageId: string | null;
};

/** The consent question as the lead saw it: the policy's version and the hash of the question's text. */
export type ConsentShown = { readonly policyVersion: string; readonly policyTextHash: string };

export type DataPolicy = { readonly version: string; readonly url: string; readonly summary: string };

/** What the lead has told the bot after consenting. */
export type Session = { readonly email: Email; readonly consent: Consent; readonly criteria: SearchCriteria };

/**
 * What a lead said they want before consenting ("busco apartamento en Medellín", "info de Torres de Salitre"):
 * kept through the email and consent questions, searched at once after consent.
 */
export type Pending = SearchCriteria & { readonly projectId?: ProjectId };

/** Where a lead stands in the bot's conversation; stored per lead per line. */
export type BotState =
  | { readonly step: 'start'; readonly pending?: Pending }
  | { readonly step: 'awaitingEmail'; readonly pending?: Pending }
  /**
   * The typed address looked mistyped: "¿Quisiste decir …?" with Sí/No. `typed` is null when it was not valid as
   * typed (a "No" then asks for the address again).
   */
  | {
      readonly step: 'confirmingEmail';
      readonly typed: Email | null;
      readonly suggested: Email;
      readonly pending?: Pending;
    }
  /** `shown` is the question the lead is answering (absent in conversations stored before it was kept). */
  | {
      readonly step: 'awaitingConsent';
      readonly email: Email;
      readonly shown?: ConsentShown | undefined;
      readonly pending?: Pending;
    }
  | { readonly step: 'choosingFilter'; readonly session: Session }
  | { readonly step: 'choosingPriceRange'; readonly session: Session; readonly page: number }
  | { readonly step: 'choosingCity'; readonly session: Session; readonly page: number }
  | { readonly step: 'choosingPropertyType'; readonly session: Session; readonly page: number }
  | { readonly step: 'choosingProject'; readonly session: Session; readonly page: number }
  | {
      readonly step: 'choosingUnitType';
      readonly session: Session;
      readonly projectId: ProjectId;
      readonly page: number;
    }
  | {
      readonly step: 'choosingOutcome';
      readonly session: Session;
      readonly projectId: ProjectId;
      readonly unitTypeId: UnitTypeId;
    }
  /** A VIS/VIP project: before quoting, whether the lead will bring cesantías or a housing subsidy. */
  | {
      readonly step: 'askingSavings';
      readonly session: Session;
      readonly projectId: ProjectId;
      readonly unitTypeId: UnitTypeId;
    }
  | {
      readonly step: 'quoted';
      readonly session: Session;
      readonly projectId: ProjectId;
      readonly unitTypeId: UnitTypeId;
    }
  /**
   * Handed to a human: the bot no longer leads this conversation. `session` is what the lead had told the bot
   * (absent for a CRM lead, or a conversation handed over before it was kept), so a hand-back resumes from it.
   */
  | { readonly step: 'withAdvisor'; readonly session?: Session | undefined };

/**
 * What a lead sent, as the bot sees it. `replyTo`: Meta's id of the bot message the lead replied to (WhatsApp's
 * quoted reply), when they did.
 */
export type BotInput = (
  | { readonly kind: 'text'; readonly body: string }
  /** A tap on a reply button or list row: its id and title. */
  | { readonly kind: 'choice'; readonly id: string; readonly title: string }
  | { readonly kind: 'media'; readonly mediaKind: string }
  | { readonly kind: 'unsupported'; readonly type: string }
) & { readonly replyTo?: string };

/** Where the lead's interest stands when the bot opens or hands over a visit: a project, or none yet. */
export type Interest = {
  readonly criteria: SearchCriteria;
  readonly projectId: ProjectId | null;
  readonly unitTypeId: UnitTypeId | null;
};

/**
 * Side effects the bot asks for; the application carries them out and adds their replies first. Every effect
 * after consent carries the session, so a lead is registered (once) whatever the first effect is.
 */
export type BotEffect =
  /** The lead consented: register them now, before they choose anything. */
  | { readonly type: 'RegisterLead'; readonly session: Session }
  /** The lead declined: forget the email they typed and their profile name. */
  | { readonly type: 'ForgetLead'; readonly email: Email }
  /** The lead picked a project (and maybe a unit type): their visit for it opens, or is updated. */
  | ({ readonly type: 'OpenVisit'; readonly session: Session } & Interest)
  /** The lead asked for a person: assign an advisor; with no project chosen, a general visit opens. */
  | ({ readonly type: 'HandToAdvisor'; readonly session: Session } & Interest)
  /** The lead asked something the bot cannot answer ("¿tienen parqueadero?"): kept for their advisor. */
  | { readonly type: 'NoteQuestion'; readonly session: Session; readonly text: string }
  | {
      readonly type: 'SimulateQuote';
      readonly session: Session;
      readonly projectId: ProjectId;
      readonly unitTypeId: UnitTypeId;
      /** The lead said they will use cesantías or a subsidy: the quote says an advisor confirms the amounts. */
      readonly savingsToConfirm: boolean;
    };

export type FlowSettings = {
  /** Above this many matching projects, the bot asks one more filter when one would narrow them. */
  readonly narrowAbove: number;
  /** A lead who writes again after this many hours is welcomed back instead of asked the stale question. */
  readonly welcomeBackAfterHours: number;
};

export const defaultFlowSettings: FlowSettings = { narrowAbove: 5, welcomeBackAfterHours: 12 };

/** Everything the bot reads besides the state and the input. */
export type BotContext = {
  readonly catalog: Catalog;
  readonly texts: BotTexts;
  readonly policy: DataPolicy;
  /** Named by the privacy notice; absent: `unknownDataController`. */
  readonly controller?: DataController;
  readonly settings: FlowSettings;
  readonly now: Instant;
  /** How long since the lead's previous message (ms); null for a first message. */
  readonly idleMs?: number | null;
  /** Meta's id of the message being answered: the evidence of a consent given by it (null when none is, e.g. a hand-back). */
  readonly messageId: string | null;
};

/** One turn: the next state, the replies to send (after any effect's own replies) and the effects. */
export type BotTurn = {
  readonly state: BotState;
  readonly replies: readonly OutboundContent[];
  readonly effects: readonly BotEffect[];
};

export const initialBotState: BotState = { step: 'start' };

export const propertyTypeLabel = (texts: BotTexts, type: PropertyType): string => texts.propertyTypes[type];
