import type { ResolutionContext } from 'inversify';
import type { FakeInboundPort } from '../adapters/http/fake-whatsapp.router.ts';
import type { FakeInbound } from '../adapters/http/fake-whatsapp.schemas.ts';
import { FAKE_PHONE_NUMBER_ID, type FakeWhatsApp } from '../adapters/whatsapp/fake/fake-whatsapp.ts';
import { parsePhoneE164 } from '../domain/contact/phone.ts';
import type { AdReferral } from '../domain/lead/origin.ts';
import type { InboundContent } from '../domain/messaging/message.ts';
import { asId, type WaMessageId } from '../domain/shared/ids.ts';
import type { Config } from './config.ts';
import { TOKENS } from './tokens.ts';

type Context = Pick<ResolutionContext, 'get'>;

/**
 * The fake WhatsApp's HTTP entry point: shows the message on the lead's phone, stores it in the inbox through
 * the message pipeline exactly as a webhook would, answers once it is stored, and lets the pipeline process
 * and reply in the background.
 */
export const fakeInbound =
  (container: Context, config: Config): FakeInboundPort =>
  async (input) => {
    const whatsapp = container.get(TOKENS.FakeWhatsApp);
    const phone = parsePhoneE164(input.from);
    if (!phone.ok) throw new Error('validated by the route');
    const waMessageId =
      input.waMessageId === undefined
        ? container.get(TOKENS.IdGenerator).next('wamid.fake-in')
        : asId<WaMessageId>(input.waMessageId);
    const envelope = {
      phoneNumberId: config.whatsapp.phoneNumberId ?? FAKE_PHONE_NUMBER_ID,
      waMessageId,
      from: { phone: phone.value, userId: null },
      profileName: input.name ?? null,
      sentAt: container.get(TOKENS.Clock).now(),
      content: contentOf(input, whatsapp),
      ...(input.referral === undefined ? {} : { referral: referralOf(input.referral) }),
      ...(input.replyTo === undefined ? {} : { replyTo: asId<WaMessageId>(input.replyTo) }),
    };
    // On the phone first: the app may mark it read as soon as it is stored.
    whatsapp.recordInbound(envelope);
    const report = await container.get(TOKENS.MessagePipeline).receive([{ kind: 'message', envelope }]);
    return { stored: report.stored === 1, waMessageId };
  };

const referralOf = (r: NonNullable<FakeInbound['referral']>): AdReferral => ({
  sourceType: r.sourceType,
  sourceId: r.sourceId ?? null,
  sourceUrl: r.sourceUrl ?? null,
  headline: r.headline ?? null,
  body: r.body ?? null,
  mediaType: r.mediaType ?? null,
  ctwaClid: r.ctwaClid ?? null,
});

const contentOf = (input: FakeInbound, whatsapp: FakeWhatsApp): InboundContent => {
  if (input.choice !== undefined) return { kind: 'choice', ...input.choice };
  if (input.media === undefined) return { kind: 'text', body: input.text ?? '' };
  const { kind, mimeType, filename, caption, voice, dataBase64 } = input.media;
  // Held by the fake as Meta holds an upload: the app's media worker downloads it by this id.
  const waMediaId = whatsapp.newMediaId();
  whatsapp.media.hold(waMediaId, {
    bytes: new Uint8Array(Buffer.from(dataBase64, 'base64')),
    mimeType,
    filename: filename ?? null,
  });
  return {
    kind: 'media',
    mediaKind: kind,
    waMediaId,
    mimeType,
    ...(filename === undefined ? {} : { filename }),
    ...(caption === undefined ? {} : { caption }),
    ...(voice === true ? { voice } : {}),
  };
};
