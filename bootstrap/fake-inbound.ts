import type { ResolutionContext } from 'inversify';
import type { FakeInboundPort } from '../adapters/http/fake-whatsapp.routes.ts';
import { parsePhoneE164 } from '../domain/contact/phone.ts';
import { asId, type WaMessageId } from '../domain/shared/ids.ts';
import type { Config } from './config.ts';
import { FAKE_PHONE_NUMBER_ID } from './demo/demo-organisation.ts';
import { kickWorkers } from './kick-workers.ts';
import { TOKENS } from './tokens.ts';

/**
 * The fake WhatsApp's HTTP entry point: stores the message in the inbox exactly as a webhook would,
 * answers once it is stored, and lets the workers process and reply in the background.
 */
export const fakeInbound = (container: ResolutionContext, config: Config): FakeInboundPort => async (input) => {
  const clock = container.get(TOKENS.Clock);
  const phone = parsePhoneE164(input.from);
  if (!phone.ok) throw new Error('validated by the route');
  const waMessageId = asId<WaMessageId>(input.waMessageId ?? container.get(TOKENS.IdGenerator).next('wamid.fake-in'));
  const content = input.choice !== undefined ? { kind: 'choice' as const, ...input.choice } : { kind: 'text' as const, body: input.text ?? '' };
  const report = await container.get(TOKENS.ReceiveInbound).execute([
    {
      kind: 'message',
      envelope: {
        phoneNumberId: config.whatsapp.phoneNumberId ?? FAKE_PHONE_NUMBER_ID,
        waMessageId,
        from: { phone: phone.value, userId: null },
        profileName: input.name ?? null,
        sentAt: clock.now(),
        content,
      },
    },
  ]);
  kickWorkers(container);
  return { stored: report.stored === 1, waMessageId };
};
