import type { BotTexts } from '../../domain/chatbot/bot-texts.ts';
import { patchBotTexts, type BotTextsPatchError } from '../../domain/chatbot/bot-texts-patch.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import type { Formality } from '../../domain/organisation/organisation.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** Merges some of the bot's texts (the "tú" catalogue, or the "usted" one) over the current ones; unknown keys are refused. */
export class UpdateBotTexts {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(
    patch: Readonly<Record<string, unknown>>,
    formality: Formality = 'tu',
  ): Promise<Result<BotTexts, BotTextsPatchError>> {
    return this.uow.transaction(async (repos) => {
      const current = await repos.settings.current();
      const key = formality === 'usted' ? 'textsUsted' : 'texts';
      const texts = patchBotTexts(current[key], patch);
      if (!texts.ok) return texts;
      await repos.settings.save({ ...current, [key]: texts.value });
      return ok(texts.value);
    });
  }
}
