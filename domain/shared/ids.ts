declare const brand: unique symbol;
/** A string that only its smart constructor (or an IdGenerator) may produce. */
export type Branded<T, B extends string> = T & { readonly [brand]: B };

export type LineId = Branded<string, 'LineId'>;
export type LeadId = Branded<string, 'LeadId'>;
export type UserId = Branded<string, 'UserId'>;
export type AdvisorGroupId = Branded<string, 'AdvisorGroupId'>;
export type ProjectId = Branded<string, 'ProjectId'>;
export type UnitTypeId = Branded<string, 'UnitTypeId'>;
export type UnitId = Branded<string, 'UnitId'>;
export type PriceBucketId = Branded<string, 'PriceBucketId'>;
export type VisitId = Branded<string, 'VisitId'>;
export type QuoteId = Branded<string, 'QuoteId'>;
export type ConversationId = Branded<string, 'ConversationId'>;
export type MessageId = Branded<string, 'MessageId'>;
export type MediaId = Branded<string, 'MediaId'>;
/** Meta's id for one WhatsApp message (`wamid.…`). */
export type WaMessageId = Branded<string, 'WaMessageId'>;

/** Trusted casts for ids read back from storage or configuration. */
export const asId = <I extends Branded<string, string>>(raw: string): I => raw as I;
