import { err, ok, type Result } from '../shared/result.ts';
import type { BotTexts } from './bot-texts.ts';

/** Some of the bot's texts; `propertyTypes` may name only some types. */
export type BotTextsPatch = Omit<Partial<BotTexts>, 'propertyTypes'> & {
  readonly propertyTypes?: Partial<BotTexts['propertyTypes']>;
};

export type UnknownBotTexts = { readonly type: 'UnknownBotTexts'; readonly keys: readonly string[] };
export type EmptyBotText = { readonly type: 'EmptyBotText'; readonly key: string };
export type BotTextsPatchError = UnknownBotTexts | EmptyBotText;

/**
 * Merges a partial update over the current texts. Keys the catalogue does not have are refused (a typo
 * would otherwise be silently ignored), and so are empty sentences and empty keyword lists.
 */
export const patchBotTexts = (
  current: BotTexts,
  patch: Readonly<Record<string, unknown>>,
): Result<BotTexts, BotTextsPatchError> => {
  const unknown = Object.keys(patch).filter((k) => !(k in current));
  const types = patch['propertyTypes'];
  if (typeof types === 'object' && types !== null) {
    unknown.push(
      ...Object.keys(types)
        .filter((k) => !(k in current.propertyTypes))
        .map((k) => `propertyTypes.${k}`),
    );
  }
  if (unknown.length > 0) return err({ type: 'UnknownBotTexts', keys: unknown });
  const typed = patch as BotTextsPatch;
  for (const [key, value] of Object.entries(typed)) {
    if (value === undefined) continue;
    if (typeof value === 'string' && value.trim() === '') return err({ type: 'EmptyBotText', key });
    if (Array.isArray(value) && value.length === 0) return err({ type: 'EmptyBotText', key });
  }
  for (const [key, value] of Object.entries(typed.propertyTypes ?? {})) {
    if (typeof value === 'string' && value.trim() === '')
      return err({ type: 'EmptyBotText', key: `propertyTypes.${key}` });
  }
  const defined = Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== undefined));
  return ok({
    ...current,
    ...defined,
    propertyTypes: { ...current.propertyTypes, ...typed.propertyTypes },
  } as BotTexts);
};
