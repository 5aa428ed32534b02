import type { BuilderProfile } from '../../domain/builder/builder-profile.ts';
import type { Catalog, PriceBucket } from '../../domain/catalog/catalog.ts';
import type { BotTexts } from '../../domain/chatbot/bot-texts.ts';
import type { DataPolicy, FlowSettings } from '../../domain/chatbot/bot-state.ts';
import type { QuoteLabels } from '../../domain/quote/quote-labels.ts';
import type { AdvisorGroup, BusinessLine, User } from '../../domain/organisation/organisation.ts';
import type { AdvisorGroupId, LineId, UnitId, UnitTypeId, UserId } from '../../domain/shared/ids.ts';
import type { Template } from '../../domain/templates/template.ts';
import type { ReservationSettings, StageLabels } from '../../domain/visit/stage-labels.ts';

export interface LineRepository {
  /** Returns `null` when absent; throws only on infrastructure failure. */
  byId(id: LineId): Promise<BusinessLine | null>;
  /** The line Meta names by this phone-number id, or `null` (not one of ours). */
  byPhoneNumberId(phoneNumberId: string): Promise<BusinessLine | null>;
  list(): Promise<BusinessLine[]>;
  save(line: BusinessLine): Promise<void>;
}

export interface OrganisationRepository {
  /** Returns `null` when absent. */
  user(id: UserId): Promise<User | null>;
  users(): Promise<User[]>;
  saveUser(user: User): Promise<void>;
  /** Returns `null` when absent. */
  group(id: AdvisorGroupId): Promise<AdvisorGroup | null>;
  /** Every advisor group, by name then id. */
  groups(): Promise<AdvisorGroup[]>;
  saveGroup(group: AdvisorGroup): Promise<void>;
}

export interface CatalogRepository {
  /** The catalogue the line offers (its projects, or all when it names none), with their unit types and units. */
  forLine(line: BusinessLine): Promise<Catalog>;
  /** The whole catalogue. */
  all(): Promise<Catalog>;
  /** Replaces the stored catalogue entries with the same ids; others are kept. */
  upsert(catalog: Catalog): Promise<void>;
  /** Stores exactly these price buckets, in this order: buckets not given are deleted. */
  replacePriceBuckets(buckets: readonly PriceBucket[]): Promise<void>;
  /** Deletes the given unit types and units; unknown ids are ignored. */
  remove(ids: { readonly unitTypeIds: readonly UnitTypeId[]; readonly unitIds: readonly UnitId[] }): Promise<void>;
}

export interface TemplateRepository {
  /** Templates the business may send now (status APPROVED), by name. */
  approved(): Promise<Template[]>;
  /** Every stored template, whatever its status, by name then language. */
  all(): Promise<Template[]>;
  /** Returns `null` when absent, whatever its status. */
  byName(name: string, language: string): Promise<Template | null>;
  save(template: Template): Promise<void>;
}

/** The bot's replaceable texts, the data policy and flow settings; the funnel's stage labels and separation rules. */
export type BotSettings = {
  /** What the bot says, addressing the lead as "tú". */
  readonly texts: BotTexts;
  /** The same, as "usted", for lines whose `formality` is `usted`. */
  readonly textsUsted: BotTexts;
  readonly quoteLabels: QuoteLabels;
  readonly policy: DataPolicy;
  readonly flow: FlowSettings;
  readonly stageLabels: StageLabels;
  readonly reservations: ReservationSettings;
};

/** The texts the bot speaks on a line: its register's catalogue. */
export const textsFor = (settings: BotSettings, line: Pick<BusinessLine, 'formality'> | null): BotTexts =>
  line?.formality === 'usted' ? settings.textsUsted : settings.texts;

export interface BotSettingsRepository {
  current(): Promise<BotSettings>;
  save(settings: BotSettings): Promise<void>;
}

export interface BuilderProfileRepository {
  /** The builder the proposals name; `null` until an administrator saves one. Throws only on infrastructure failure. */
  current(): Promise<BuilderProfile | null>;
  /** Replaces the profile, logo included. */
  save(profile: BuilderProfile): Promise<void>;
}
