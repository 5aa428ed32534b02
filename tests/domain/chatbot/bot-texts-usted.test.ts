import { describe, expect, it } from 'vitest';
import { defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';
import { defaultBotTextsUsted } from '../../../domain/chatbot/bot-texts-usted.ts';

/** Words that give "tú" away in the bot's Spanish (verb forms, pronouns, possessives). */
const TUTEO =
  /(?<!\p{L})(tu|tus|te|ti|contigo|quieres|puedes|buscas|escríbeme|escríbenos|escríbelo|elige|ábrelo|prefieres|cambias|vuelves|escribiste|vas|necesitas|tienes|dime|cuéntame|quisiste|escríbeme|simularte|explico: con tu)(?!\p{L})/iu;

const sentences = (texts: typeof defaultBotTexts) =>
  Object.entries(texts).filter((entry): entry is [string, string] => typeof entry[1] === 'string');

describe('the "usted" texts', () => {
  it('address the lead as usted in every sentence', () => {
    const tutea = sentences(defaultBotTextsUsted).filter(([, text]) => TUTEO.test(text));
    expect(tutea.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    // The check itself can tell: the default (tú) texts trip it.
    expect(sentences(defaultBotTexts).filter(([, text]) => TUTEO.test(text)).length).toBeGreaterThan(20);
  });

  it('keep every placeholder the tú text has, so no sentence loses its project, advisor or date', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of sentences(defaultBotTexts))
      expect(placeholders(String(defaultBotTextsUsted[key as keyof typeof defaultBotTexts])), key).toEqual(
        placeholders(text),
      );
  });

  it('say the same on buttons, which address nobody', () => {
    expect(defaultBotTextsUsted.outcomeAdvisor).toBe(defaultBotTexts.outcomeAdvisor);
    expect(defaultBotTextsUsted.consentAccept).toBe(defaultBotTexts.consentAccept);
  });
});
