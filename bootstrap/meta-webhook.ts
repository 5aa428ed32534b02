import type { ResolutionContext } from 'inversify';
import type { WebhookPort } from '../adapters/http/webhook.router.ts';
import { createWebhookReceiver } from '../adapters/whatsapp/meta-cloud/webhook-receiver.ts';
import type { Config } from './config.ts';
import { TOKENS } from './tokens.ts';

/**
 * Meta's webhook: signature first, then everything the POST carries is stored (messages and receipts
 * in the inbox through the message pipeline, template statuses applied) before the 200; the pipeline
 * processes and answers in the background.
 * Meta mode only; `parseConfig` refuses Meta mode without the app secret and verify token.
 */
export const metaWebhook = (context: Pick<ResolutionContext, 'get'>, config: Config): WebhookPort => {
  const { appSecret, verifyToken } = config.whatsapp;
  if (appSecret === null || verifyToken === null)
    throw new Error('Meta mode needs WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN');
  const clock = context.get(TOKENS.Clock);
  const logger = context.get(TOKENS.Logger);
  const pipeline = context.get(TOKENS.MessagePipeline);
  return createWebhookReceiver({
    appSecret,
    verifyToken,
    now: () => clock.now(),
    store: async (parsed) => {
      await pipeline.receive(parsed.entries);
      const templates = await context.get(TOKENS.ApplyTemplateStatusUpdates).execute(parsed.templateUpdates);
      if (templates.unknown > 0) {
        void context
          .get(TOKENS.SyncTemplates)
          .execute()
          .then((report) =>
            logger.info({ event: 'templates_synced', ...report }, 'Templates synced after a status update'),
          )
          .catch((error: unknown) =>
            logger.error({ event: 'template_sync_failed', err: error }, 'Template sync failed'),
          );
      }
    },
  });
};
