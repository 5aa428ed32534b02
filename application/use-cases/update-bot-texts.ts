import type { BotTexts } from '../../domain/chatbot/bot-texts.ts';
import { patchBotTexts, type BotTextsPatchError } from '../../domain/chatbot/bot-texts-patch.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** Merges some of the bot's texts over the current ones; unknown keys are refused. */
export class UpdateBotTexts {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(patch: Readonly<Record<string, unknown>>): Promise<Result<BotTexts, BotTextsPatchError>> {
    return this.uow.transaction(async (repos) => {
      const current = await repos.settings.current();
      const texts = patchBotTexts(current.texts, patch);
      if (!texts.ok) return texts;
      await repos.settings.save({ ...current, texts: texts.value });
      return ok(texts.value);
    });
  }
}
