import { createHmac } from 'node:crypto';

/** Real-shaped Meta webhook bodies (adapters/whatsapp/meta-cloud/README.md §F3 to §F6). Plain JSON, not our types. */
export type Json = Record<string, unknown>;

export const PHONE_NUMBER_ID = '106540352242922';
export const DISPLAY_PHONE = '15550783881';
export const WABA_ID = '102290129340398';
export const WA_ID = '16505551234';
export const PROFILE_NAME = 'Sheena Nelson';
export const SENT_AT_SECONDS = 1749416383;

let issued = 0;
export const nextWamid = (): string => `wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQ${String(++issued).padStart(8, '0')}`;

const SHA = 'm0gBIAo9z3v1d0Ut2A3ZqbH3vCxCZsdcK5hp0xq2C4A=';
const mediaFields = (id: string, mime: string) => ({
  mime_type: mime,
  sha256: SHA,
  id,
  url: `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${id}`,
});
const optional = (key: string, value: string | undefined): Json => (value === undefined ? {} : { [key]: value });

/** Every inbound message has these; `over` replaces any (`{ from: undefined }` drops the phone). */
const message = (type: string, payload: Json, over: Json = {}): Json => ({
  from: WA_ID,
  id: nextWamid(),
  timestamp: String(SENT_AT_SECONDS),
  type,
  ...payload,
  ...over,
});

/** Replies quote the business message they answer. */
const reply = (type: string, payload: Json, over?: Json): Json =>
  message(type, { context: { from: DISPLAY_PHONE, id: nextWamid() }, ...payload }, over);

const metaError = { code: 131051, title: 'Message type unknown', message: 'Message type unknown' };
const contactCard = {
  name: { formatted_name: 'Ana Gómez', first_name: 'Ana' },
  phones: [{ phone: '+57 300 1234567', wa_id: '573001234567', type: 'CELL' }],
};

export const inbound = {
  text: (body = 'Hola, ¿tienen apartamentos en Medellín?', over?: Json) => message('text', { text: { body } }, over),
  /** A text written as a reply to an earlier message (`context`, adapters/whatsapp/meta-cloud/README.md §F20). */
  quotedText: (body: string, repliedTo: string, over?: Json) =>
    message('text', { text: { body }, context: { from: DISPLAY_PHONE, id: repliedTo } }, over),
  /** A forwarded text: `context` without an id. */
  forwardedText: (body: string, over?: Json) =>
    message('text', { text: { body }, context: { forwarded: true, frequently_forwarded: false } }, over),
  buttonReply: (id: string, title: string, over?: Json) =>
    reply('interactive', { interactive: { type: 'button_reply', button_reply: { id, title } } }, over),
  listReply: (id: string, title: string, over?: Json) =>
    reply(
      'interactive',
      { interactive: { type: 'list_reply', list_reply: { id, title, description: 'Desde 250 M' } } },
      over,
    ),
  flowReply: (over?: Json) =>
    reply(
      'interactive',
      {
        interactive: {
          type: 'nfm_reply',
          nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"x"}' },
        },
      },
      over,
    ),
  templateButton: (payload: string, text: string, over?: Json) => reply('button', { button: { payload, text } }, over),
  image: (id = '1479537139650973', caption?: string, over?: Json) =>
    message('image', { image: { ...optional('caption', caption), ...mediaFields(id, 'image/jpeg') } }, over),
  audio: (id = '1003383421387256', voice = true, over?: Json) =>
    message('audio', { audio: { ...mediaFields(id, 'audio/ogg; codecs=opus'), voice } }, over),
  document: (id = '2116425018866085', filename = 'cedula.pdf', caption?: string, over?: Json) =>
    message(
      'document',
      {
        document: { ...optional('caption', caption), filename, ...mediaFields(id, 'application/pdf') },
      },
      over,
    ),
  video: (id = '1132745921580341', caption?: string, over?: Json) =>
    message('video', { video: { ...optional('caption', caption), ...mediaFields(id, 'video/mp4') } }, over),
  sticker: (id = '1030498818849225', over?: Json) =>
    message('sticker', { sticker: { animated: false, ...mediaFields(id, 'image/webp') } }, over),
  location: (latitude = 6.2442, longitude = -75.5812, over?: Json) =>
    message(
      'location',
      {
        location: {
          latitude,
          longitude,
          name: 'Parque Lleras',
          address: 'Cra. 37 #8A, Medellín',
          url: 'https://maps.example',
        },
      },
      over,
    ),
  contacts: (over?: Json) => message('contacts', { contacts: [contactCard] }, over),
  reaction: (messageId: string, emoji?: string, over?: Json) =>
    message('reaction', { reaction: { message_id: messageId, ...optional('emoji', emoji) } }, over),
  unsupported: (innerType = 'poll_creation', over?: Json) =>
    message(
      'unsupported',
      {
        unsupported: { type: innerType },
        errors: [{ ...metaError, error_data: { details: 'Message type is currently not supported.' } }],
      },
      over,
    ),
  /** The legacy shape older docs described. */
  unknown: (over?: Json) =>
    message(
      'unknown',
      { errors: [{ code: 131051, details: 'Message type is not currently supported', title: 'Unsupported' }] },
      over,
    ),
  system: (over?: Json) =>
    message(
      'system',
      {
        system: {
          body: 'User changed from 16505551234 to 16505559999',
          wa_id: '16505559999',
          type: 'user_changed_number',
        },
      },
      over,
    ),
  order: (over?: Json) =>
    message(
      'order',
      {
        order: {
          catalog_id: '123',
          text: 'Quiero este',
          product_items: [{ product_retailer_id: 'apto-101', quantity: 1 }],
        },
      },
      over,
    ),
  requestWelcome: (over?: Json) => message('request_welcome', {}, over),
};

/** One builder per inbound type, for properties that need "any valid message". */
export const EVERY_INBOUND: readonly (() => Json)[] = [
  () => inbound.text(),
  () => inbound.buttonReply('b1', 'Sí'),
  () => inbound.listReply('l1', 'Medellín'),
  () => inbound.flowReply(),
  () => inbound.templateButton('visit_yes', 'Agendar visita'),
  () => inbound.image(),
  () => inbound.audio(),
  () => inbound.document(),
  () => inbound.video(),
  () => inbound.sticker(),
  () => inbound.location(),
  () => inbound.contacts(),
  () => inbound.reaction(nextWamid(), '👍'),
  () => inbound.unsupported(),
  () => inbound.unknown(),
  () => inbound.system(),
  () => inbound.order(),
  () => inbound.requestWelcome(),
];

const PRICING = { billable: true, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
const ERROR_CODES_URL = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

export type MetaStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

/** A status for a message we sent; `sent`/`delivered`/`read` carry per-message pricing like real ones. */
export const status = (id: string, value: MetaStatus = 'delivered', over: Json = {}): Json => ({
  id,
  status: value,
  timestamp: String(SENT_AT_SECONDS + 5),
  recipient_id: WA_ID,
  ...(value === 'failed' ? {} : { pricing: PRICING }),
  ...over,
});

export const failedStatus = (id: string, code = 131026, title = 'Message undeliverable'): Json =>
  status(id, 'failed', {
    errors: [
      {
        code,
        title,
        message: title,
        error_data: { details: 'Message could not be delivered.' },
        href: ERROR_CODES_URL,
      },
    ],
  });

export const contact = (waId = WA_ID, name = PROFILE_NAME): Json => ({ profile: { name }, wa_id: waId });
/** A user with a username: Meta omits `wa_id` and gives the business-scoped `user_id`. */
export const usernameContact = (userId: string, username: string, name = PROFILE_NAME): Json => ({
  profile: { name, username },
  user_id: userId,
});

type ChangeParts = { messages?: unknown[]; statuses?: unknown[]; contacts?: Json[]; phoneNumberId?: string };

/** A `messages` change; messages come with the default sender's contact unless `contacts` says otherwise. */
export const messagesChange = (parts: ChangeParts): Json => {
  const contacts = parts.contacts ?? (parts.messages === undefined ? undefined : [contact()]);
  return {
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: DISPLAY_PHONE, phone_number_id: parts.phoneNumberId ?? PHONE_NUMBER_ID },
      ...(contacts === undefined ? {} : { contacts }),
      ...(parts.messages === undefined ? {} : { messages: parts.messages }),
      ...(parts.statuses === undefined ? {} : { statuses: parts.statuses }),
    },
  };
};

export const templateStatusChange = (
  name: string,
  event = 'APPROVED',
  reason: string | null = 'NONE',
  language = 'es',
): Json => ({
  field: 'message_template_status_update',
  value: {
    event,
    message_template_id: 987654321,
    message_template_name: name,
    message_template_language: language,
    reason,
  },
});

export const otherChange = (field = 'phone_number_quality_update'): Json => ({
  field,
  value: { display_phone_number: DISPLAY_PHONE, event: 'FLAGGED', current_limit: 'TIER_1K' },
});

export const entry = (...changes: Json[]): Json => ({ id: WABA_ID, changes });
export const webhook = (...entries: Json[]): Json => ({ object: 'whatsapp_business_account', entry: entries });
/** One entry holding `changes`: the usual shape. */
export const webhookOf = (...changes: Json[]): Json => webhook(entry(...changes));

/** Meta's `X-Hub-Signature-256` for exactly these bytes (an independent twin of the adapter's check). */
export const sign = (appSecret: string, body: string | Uint8Array): string =>
  `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
