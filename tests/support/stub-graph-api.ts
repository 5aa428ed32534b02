import { serve, type HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** A Graph error as Meta sends it inside `{ error }`. */
export type StubGraphError = {
  readonly code: number;
  readonly message?: string;
  readonly error_subcode?: number;
  readonly details?: string;
};
/** An answer to play instead of the real one; without `error`, a plain-text body. `headers` e.g. a redirect's `location`. */
export type StubFault = {
  readonly status: number;
  readonly error?: StubGraphError;
  readonly retryAfter?: string;
  readonly headers?: Readonly<Record<string, string>>;
};
export type StubTemplate = {
  readonly name: string;
  readonly language: string;
  readonly status: string;
  readonly category: string;
  readonly components: readonly { readonly type: string; readonly text?: string }[];
};
export type RecordedRequest = {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly authorization: string | null;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
  /** When the request reached the stub (`Date.now()`, taken before its body was read). */
  readonly at: number;
  /** The scripted misbehaviour it got (`http_500:131000`, `drop`, `hang`, `delay_200`), if any. */
  readonly fault?: string;
};
export type StubSentMessage = {
  readonly phoneNumberId: string;
  readonly waMessageId: string;
  readonly body: Record<string, unknown>;
};
export type StubMedia = {
  readonly id: string;
  readonly phoneNumberId: string | null;
  readonly mimeType: string;
  readonly filename: string | null;
  readonly bytes: Uint8Array;
  /** A large body made up as it is sent (`generatedBytes`), instead of `bytes`. */
  readonly generated?: GeneratedBody;
  /** The `file_size` the media info announces (`null`: none); the true size otherwise. */
  readonly fileSize?: number | null;
  /** Where the media info points the download (scheme, host and port); the stub itself otherwise. */
  readonly urlOrigin?: string;
};
/** A body streamed 64 KiB at a time, never held whole, misbehaving on cue. */
export type GeneratedBody = {
  readonly size: number;
  /** Sends no `content-length` header (a chunked answer). */
  readonly withoutLength?: boolean;
  /** The connection breaks after this many bytes. */
  readonly breakAfter?: number;
  /** Nothing more comes after this many bytes, until `close()`. */
  readonly stallAfter?: number;
  /** A pause before each piece. */
  readonly paceMs?: number;
};
export type StubMediaOptions = Pick<StubMedia, 'fileSize' | 'urlOrigin'> & {
  readonly phoneNumberId?: string;
  readonly filename?: string;
};

const PATTERN_PERIOD = 65_521;
const PATTERN = Uint8Array.from({ length: PATTERN_PERIOD }, (_, i) => (i * 31 + 7) & 0xff);

/** Bytes `offset … offset + length` of every generated body: a pattern with a prime period, so a shifted or lost piece shows. */
export const generatedBytes = (offset: number, length: number): Uint8Array => {
  const bytes = new Uint8Array(length);
  for (let at = 0; at < length; ) {
    const from = (offset + at) % PATTERN_PERIOD;
    const n = Math.min(PATTERN_PERIOD - from, length - at);
    bytes.set(PATTERN.subarray(from, from + n), at);
    at += n;
  }
  return bytes;
};
export type StubGraphOptions = {
  readonly token: string;
  readonly version: string;
  /** When given, other WABA ids and phone-number ids are unknown objects, as on Meta. */
  readonly businessAccountId?: string;
  readonly phoneNumberIds?: readonly string[];
};

type FaultKind =
  | { kind: 'fail'; fault: StubFault }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  | { kind: 'hang' }
  | { kind: 'pass' };
type Fault = FaultKind & { readonly only?: string };
type Env = { Bindings: HttpBindings; Variables: { record: RecordedRequest; file: File | null } };

// Meta's accepted upload types (adapters/whatsapp/meta-cloud/README.md §F11, §F16): `audio/ogg` means OGG/Opus,
// `audio/opus` is refused.
const UPLOAD_TYPES = new Set([
  'audio/aac',
  'audio/amr',
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  'image/jpeg',
  'image/png',
  'video/mp4',
  'video/3gpp',
  'text/plain',
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

// The request shapes of adapters/whatsapp/meta-cloud/README.md §F8; strict, as Meta refuses unknown fields (code 100).
const text = z.strictObject({ text: z.string().min(1) });
const to = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual'),
  to: z
    .string()
    .regex(/^[1-9]\d{7,14}$/)
    .optional(),
  recipient: z.string().min(1).optional(),
};
const typed = <K extends string, S extends z.ZodType>(type: K, body: S) =>
  z.strictObject({ ...to, type: z.literal(type), [type]: body } as typeof to & { type: z.ZodLiteral<K> } & Record<
      K,
      S
    >);
const media = (extra: Record<string, z.ZodType>) => z.strictObject({ id: z.string().min(1), ...extra });
const caption = z.string().max(1024).optional();
const reply = z.strictObject({
  type: z.literal('reply'),
  reply: z.strictObject({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
});
const row = z.strictObject({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
});
const section = z.strictObject({ title: z.string().max(24).optional(), rows: z.array(row).min(1) });
const interactive = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('button'),
    body: text,
    footer: text.optional(),
    action: z.strictObject({ buttons: z.array(reply).min(1).max(3) }),
  }),
  z.strictObject({
    type: z.literal('list'),
    body: text,
    footer: text.optional(),
    action: z.strictObject({ button: z.string().min(1).max(20), sections: z.array(section).min(1).max(10) }),
  }),
]);
const textParameter = z.strictObject({ type: z.literal('text'), text: z.string() });
const fileParameter = (kind: 'image' | 'document' | 'video') =>
  z.strictObject({
    type: z.literal(kind),
    [kind]: z.strictObject({ id: z.string().min(1), filename: z.string().optional() }),
  });
const component = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('header'),
    parameters: z.tuple([
      z.union([textParameter, fileParameter('image'), fileParameter('document'), fileParameter('video')]),
    ]),
  }),
  z.strictObject({ type: z.literal('body'), parameters: z.array(textParameter) }),
  z.strictObject({
    type: z.literal('button'),
    sub_type: z.enum(['url', 'quick_reply']),
    index: z.string().regex(/^\d$/),
    parameters: z.tuple([
      z.union([textParameter, z.strictObject({ type: z.literal('payload'), payload: z.string().min(1) })]),
    ]),
  }),
]);
const template = z.strictObject({
  name: z.string().min(1),
  language: z.strictObject({ code: z.string().min(2) }),
  components: z.array(component).optional(),
});
const messageShape = z
  .discriminatedUnion('type', [
    typed('text', z.strictObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() })),
    typed('interactive', interactive),
    typed('image', media({ caption })),
    typed('video', media({ caption })),
    typed('document', media({ caption, filename: z.string().min(1).optional() })),
    typed('audio', media({ voice: z.boolean().optional() })),
    typed('template', template),
  ])
  .refine((m) => (m.to === undefined) !== (m.recipient === undefined), 'exactly one of `to` and `recipient`');
const readShape = z.strictObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  // Mark-as-read with a typing indicator (adapters/whatsapp/meta-cloud/README.md §F19): only `text` exists.
  typing_indicator: z.strictObject({ type: z.literal('text') }).optional(),
});

const graphError = (c: Context, status: number, e: StubGraphError) => {
  const subcode = e.error_subcode === undefined ? {} : { error_subcode: e.error_subcode };
  const error_data = { messaging_product: 'whatsapp', details: e.details ?? '' };
  const error = {
    message: e.message ?? `(#${e.code}) stub error`,
    type: 'OAuthException',
    code: e.code,
    ...subcode,
    error_data,
    fbtrace_id: 'stub-trace',
  };
  return c.json({ error }, status as ContentfulStatusCode);
};
const invalid = (c: Context, details: string) =>
  graphError(c, 400, { code: 100, message: '(#100) Invalid parameter', details });
const unknownObject = (c: Context, id: string) =>
  graphError(c, 400, {
    code: 100,
    error_subcode: 33,
    message: `Unsupported request. Object with ID '${id}' does not exist`,
    details: id,
  });

const readBody = async (req: Request): Promise<Pick<RecordedRequest, 'json' | 'form'> & { file?: File }> => {
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('application/json')) return { json: await req.json().catch(() => '<invalid json>') };
  if (!type.startsWith('multipart/form-data')) return {};
  const data = await req.formData();
  const file = data.get('file');
  const form = Object.fromEntries(
    [...data].map(([k, v]) => [k, typeof v === 'string' ? v : `<file ${v.name} ${v.type}>`]),
  );
  return file instanceof File ? { form, file } : { form };
};

/** What the stub saw and holds, and the faults it still has to play. */
class StubState {
  readonly requests: RecordedRequest[] = [];
  readonly sentMessages: StubSentMessage[] = [];
  readonly media: StubMedia[] = [];
  readonly readMarks: string[] = [];
  /** The messages marked read with a typing indicator, oldest first. */
  readonly typingShown: string[] = [];
  readonly templates: StubTemplate[] = [];
  readonly faults: Fault[] = [];
  readonly hanging = new Set<() => void>();
  readonly expired = new Set<string>();
  /** Bytes of each generated body sent so far (all attempts together). */
  readonly served = new Map<string, number>();
  url = '';
  #sent = 0;
  #media = 0;

  constructor(readonly options: StubGraphOptions) {}

  nextWamid = (): string => `wamid.stub.${++this.#sent}`;
  addMedia(bytes: Uint8Array, mimeType: string, from: StubMediaOptions = {}, generated?: GeneratedBody): string {
    const id = `media.stub.${++this.#media}`;
    const { phoneNumberId, filename, ...announced } = from;
    this.media.push({
      id,
      phoneNumberId: phoneNumberId ?? null,
      mimeType,
      filename: filename ?? null,
      bytes: new Uint8Array(bytes),
      ...announced,
      ...(generated === undefined ? {} : { generated }),
    });
    return id;
  }
  liveMedia = (id: string): StubMedia | undefined =>
    this.expired.has(id) ? undefined : this.media.find((m) => m.id === id);
  knownLine = (id: string): boolean => this.options.phoneNumberIds?.includes(id) ?? true;
  /**
   * The next fault for this request. A fault scripted for a path (`only`) plays on that path's sends: read marks
   * and typing indicators (best effort, shown before replies) pass it by, so a scripted send fault still hits a
   * send. A fault with no path plays on any request.
   */
  takeFault(path: string, readMark: boolean): Fault | undefined {
    const index = this.faults.findIndex((f) => f.only === undefined || (!readMark && path.includes(f.only)));
    return index < 0 ? undefined : this.faults.splice(index, 1)[0];
  }
}

const faultLabel = (fault: Fault | undefined): string | undefined => {
  if (fault === undefined || fault.kind === 'pass') return undefined;
  if (fault.kind === 'delay') return `delay_${fault.ms}`;
  if (fault.kind !== 'fail') return fault.kind;
  return `http_${fault.fault.status}${fault.fault.error === undefined ? '' : `:${fault.fault.error.code}`}`;
};

/** Records the request, plays a scripted fault, then checks the token and the version, as Graph does. */
const gatekeeper =
  (state: StubState): MiddlewareHandler<Env> =>
  async (c, next) => {
    const at = Date.now();
    const { file, ...body } = await readBody(c.req.raw.clone());
    const fault = state.takeFault(c.req.path, readShape.safeParse(body.json).success);
    const label = faultLabel(fault);
    const record = {
      method: c.req.method,
      path: c.req.path,
      query: new URL(c.req.url).search,
      authorization: c.req.header('authorization') ?? null,
      ...body,
      at,
      ...(label === undefined ? {} : { fault: label }),
    };
    state.requests.push(record);
    c.set('record', record);
    c.set('file', file ?? null);
    if (fault?.kind === 'drop') {
      c.env.incoming.socket.destroy();
      return c.body(null);
    }
    // A request left hanging never takes effect: by `close()` its client has given up, as on a lost answer.
    if (fault?.kind === 'hang') {
      await new Promise<void>((resolve) => state.hanging.add(resolve));
      c.env.incoming.socket.destroy();
      return c.body(null);
    }
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === 'fail') {
      if (fault.fault.retryAfter !== undefined) c.header('retry-after', fault.fault.retryAfter);
      for (const [name, value] of Object.entries(fault.fault.headers ?? {})) c.header(name, value);
      const { status, error } = fault.fault;
      return error === undefined
        ? c.text('stub failure', status as ContentfulStatusCode)
        : graphError(c, status, error);
    }
    if (record.authorization !== `Bearer ${state.options.token}`)
      return graphError(c, 401, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
    const version = c.req.path.split('/')[1];
    return version === state.options.version || version === 'lookaside'
      ? next()
      : invalid(c, `unknown version ${version}`);
  };

const sendMessage = (state: StubState) => (c: Context<Env>) => {
  const phoneNumberId = c.req.param('phoneNumberId') ?? '';
  if (!state.knownLine(phoneNumberId)) return unknownObject(c, phoneNumberId);
  const read = readShape.safeParse(c.var.record.json);
  if (read.success) {
    state.readMarks.push(read.data.message_id);
    if (read.data.typing_indicator !== undefined) state.typingShown.push(read.data.message_id);
    return c.json({ success: true });
  }
  const parsed = messageShape.safeParse(c.var.record.json);
  if (!parsed.success)
    return invalid(c, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const body = parsed.data as Record<string, unknown>;
  const mediaId = (body[parsed.data.type] as { id?: string }).id;
  if (mediaId !== undefined && state.liveMedia(mediaId)?.phoneNumberId !== phoneNumberId)
    return invalid(c, `media ${mediaId} was not uploaded to ${phoneNumberId}`);
  const waMessageId = state.nextWamid();
  state.sentMessages.push({ phoneNumberId, waMessageId, body });
  const contacts = [{ input: parsed.data.to ?? parsed.data.recipient, wa_id: parsed.data.to ?? '' }];
  return c.json({
    messaging_product: 'whatsapp',
    contacts,
    messages: [{ id: waMessageId, message_status: 'accepted' }],
  });
};

const uploadMedia = (state: StubState) => async (c: Context<Env>) => {
  const phoneNumberId = c.req.param('phoneNumberId') ?? '';
  if (!state.knownLine(phoneNumberId)) return unknownObject(c, phoneNumberId);
  const { form } = c.var.record,
    file = c.var.file;
  if (form?.['messaging_product'] !== 'whatsapp' || file === null)
    return invalid(c, 'multipart needs messaging_product=whatsapp and file');
  if (form['type'] !== file.type) return invalid(c, `type ${form['type']} differs from the file's ${file.type}`);
  if (!UPLOAD_TYPES.has(file.type))
    return graphError(c, 400, { code: 131053, message: 'Media upload error', details: `Unsupported ${file.type}` });
  const bytes = new Uint8Array(await file.arrayBuffer());
  return c.json({ id: state.addMedia(bytes, file.type, { phoneNumberId, filename: file.name }) });
};

/** Templates on two pages, the second reached through `paging.next` as on Meta. */
const listTemplates = (state: StubState) => (c: Context<Env>) => {
  const waba = c.req.param('waba') ?? '';
  if (state.options.businessAccountId !== undefined && waba !== state.options.businessAccountId)
    return unknownObject(c, waba);
  const half = Math.ceil(state.templates.length / 2);
  if (c.req.query('after') === 'page-2') return c.json({ data: state.templates.slice(half), paging: { cursors: {} } });
  const next = `${state.url}/${state.options.version}/${waba}/message_templates?limit=100&after=page-2`;
  return c.json({ data: state.templates.slice(0, half), paging: { cursors: {}, next } });
};

const mediaInfo = (state: StubState) => (c: Context<Env>) => {
  const id = c.req.param('mediaId') ?? '';
  const found = state.liveMedia(id);
  if (found === undefined) return unknownObject(c, id);
  const sha256 = createHash('sha256').update(found.bytes).digest('hex');
  // Meta's URLs carry a signed query string, which must never reach a log.
  const url = `${found.urlOrigin ?? state.url}/lookaside/media/${found.id}?mid=${found.id}&ext=1749416383&hash=ATs3cr3t-signature`;
  const size = found.fileSize === undefined ? (found.generated?.size ?? found.bytes.length) : found.fileSize;
  return c.json({
    messaging_product: 'whatsapp',
    url,
    mime_type: found.mimeType,
    sha256,
    ...(size === null ? {} : { file_size: size }),
    id,
  });
};

const PIECE = 64 * 1024;

/** A generated body, made up piece by piece as the client reads (backpressure: never held whole). */
const generatedStream = (
  state: StubState,
  media: StubMedia,
  body: GeneratedBody,
  breakConnection: () => void,
): ReadableStream<Uint8Array> => {
  let sent = 0;
  const stopAt = Math.min(body.size, body.breakAfter ?? Infinity, body.stallAfter ?? Infinity);
  return new ReadableStream<Uint8Array>(
    {
      pull: async (controller) => {
        if (sent >= stopAt) {
          if (body.stallAfter !== undefined && sent < body.size)
            await new Promise<void>((resolve) => state.hanging.add(resolve));
          if (sent < body.size) return breakConnection();
          return controller.close();
        }
        if (body.paceMs !== undefined) await new Promise((resolve) => setTimeout(resolve, body.paceMs));
        const n = Math.min(PIECE, stopAt - sent);
        controller.enqueue(generatedBytes(sent, n));
        sent += n;
        state.served.set(media.id, (state.served.get(media.id) ?? 0) + n);
      },
    },
    { highWaterMark: 0 },
  );
};

const mediaBytes = (state: StubState) => (c: Context<Env>) => {
  const found = state.liveMedia(c.req.param('id') ?? '');
  if (found === undefined) return c.text('not found', 404);
  const body = found.generated;
  if (body === undefined) return c.body(new Uint8Array(found.bytes), 200, { 'content-type': found.mimeType });
  const length: Record<string, string> = body.withoutLength === true ? {} : { 'content-length': String(body.size) };
  const breakConnection = () => void c.env.incoming.socket.destroy();
  return c.body(generatedStream(state, found, body, breakConnection), 200, {
    'content-type': found.mimeType,
    ...length,
  });
};

const stubApp = (state: StubState): Hono<Env> =>
  new Hono<Env>()
    .use(gatekeeper(state))
    .post('/:version/:phoneNumberId/messages', sendMessage(state))
    .post('/:version/:phoneNumberId/media', uploadMedia(state))
    .get('/lookaside/media/:id', mediaBytes(state))
    .get('/:version/:waba/message_templates', listTemplates(state))
    .get('/:version/:mediaId', mediaInfo(state));

const onlyOn = (only: string | undefined): { only?: string } => (only === undefined ? {} : { only });

const listen = (app: Hono<Env>): Promise<Server> =>
  new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false }, () =>
      resolve(server as Server),
    );
  });

/**
 * Plays Meta's Graph API on 127.0.0.1 for tests: checks request shapes (a wrong one gets Meta's 400),
 * records everything, hands out `wamid.stub.N`, keeps uploads, serves templates on two pages and
 * media (id → URL on the stub → bytes), and misbehaves on cue.
 */
export const startStubGraphApi = async (options: StubGraphOptions) => {
  const state = new StubState(options);
  const server = await listen(stubApp(state));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { url, requests, sentMessages, media, readMarks, typingShown, templates, faults } = state;
  return {
    url,
    requests,
    sentMessages,
    media,
    readMarks,
    typingShown,
    templates,
    /** A file Meta holds (uploaded by us, or sent by a lead); returns its id. */
    addMedia: (bytes: Uint8Array, mimeType: string, from?: StubMediaOptions) => state.addMedia(bytes, mimeType, from),
    /** A lead's file of `body.size` generated bytes (`generatedBytes`), streamed, never held whole. */
    addGeneratedMedia: (body: GeneratedBody, mimeType: string, from?: StubMediaOptions) =>
      state.addMedia(new Uint8Array(), mimeType, from, body),
    /** How many bytes of a generated body the stub has sent, all requests together. */
    bytesServed: (id: string): number => state.served.get(id) ?? 0,
    /** Meta forgot the file (inbound media live 7 days). */
    expireMedia: (id: string) => void state.expired.add(id),
    /**
     * The next `n` requests (only those whose path contains `only`, when given; then never a read mark) get this
     * answer.
     */
    failNext: (n: number, fault: StubFault, only?: string) =>
      void faults.push(
        ...Array.from({ length: n }, (): Fault => ({ kind: 'fail', fault, ...(only === undefined ? {} : { only }) })),
      ),
    delayNext: (ms: number, only?: string) => void faults.push({ kind: 'delay', ms, ...onlyOn(only) }),
    dropNextConnection: (only?: string) => void faults.push({ kind: 'drop', ...onlyOn(only) }),
    /** The next request gets no answer until `close()`: the client's timeout must fire. */
    timeoutNext: (only?: string) => void faults.push({ kind: 'hang', ...onlyOn(only) }),
    /** The next `n` (matching) requests are answered normally: spaces scripted faults out. */
    passNext: (n: number, only?: string) =>
      void faults.push(...Array.from({ length: n }, (): Fault => ({ kind: 'pass', ...onlyOn(only) }))),
    /** Scripted answers not played yet. */
    pendingFaults: (): number => faults.length,
    requestsTo: (path: string) => requests.filter((r) => r.path === path),
    /** Stops the server; closing twice is harmless. */
    close: async (): Promise<void> => {
      for (const release of state.hanging) release();
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e === undefined ? resolve() : reject(e))));
    },
  };
};

export type StubGraphApi = Awaited<ReturnType<typeof startStubGraphApi>>;
