import { serve, type HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** A Graph error as Meta sends it, minus the envelope. */
export type StubGraphError = { readonly code: number; readonly message?: string; readonly error_subcode?: number; readonly details?: string };
export type StubFault = { readonly status: number; readonly error?: StubGraphError; readonly retryAfter?: string };
export type StubTemplate = {
  readonly name: string; readonly language: string; readonly status: string; readonly category: string;
  readonly components: readonly { readonly type: string; readonly text?: string }[];
};
export type RecordedRequest = {
  readonly method: string; readonly path: string; readonly query: string; readonly authorization: string | null;
  readonly json?: unknown; readonly form?: Readonly<Record<string, string>>;
};
export type StubSentMessage = { readonly phoneNumberId: string; readonly waMessageId: string; readonly body: Record<string, unknown> };
export type StubMedia = { readonly id: string; readonly phoneNumberId: string | null; readonly mimeType: string; readonly filename: string | null; readonly bytes: Uint8Array };
export type StubGraphOptions = { readonly token: string; readonly version: string; readonly businessAccountId?: string; readonly phoneNumberIds?: readonly string[] };

type Fault = ({ kind: 'fail'; fault: StubFault } | { kind: 'delay'; ms: number } | { kind: 'drop' } | { kind: 'hang' }) & { only?: string };
type Env = { Bindings: HttpBindings; Variables: { record: RecordedRequest; file: File | null } };

/** Meta's accepted upload types (whatsapp-facts.md §2.4); `audio/ogg` means OGG/Opus. */
const UPLOAD_TYPES = new Set(['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg', 'text/plain', 'application/pdf', 'image/jpeg', 'image/png', 'video/mp4', 'video/3gpp', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);

const text = z.strictObject({ text: z.string().min(1) });
const envelope = { messaging_product: z.literal('whatsapp'), recipient_type: z.literal('individual'), to: z.string().regex(/^[1-9]\d{7,14}$/).optional(), recipient: z.string().min(1).optional() };
const variant = <K extends string, S extends z.ZodType>(type: K, body: S) => z.strictObject({ ...envelope, type: z.literal(type), [type]: body } as { type: z.ZodLiteral<K> } & Record<K, S> & typeof envelope);
const mediaBody = (extra: Record<string, z.ZodType>) => z.strictObject({ id: z.string().min(1), ...extra });
const caption = z.string().max(1024).optional();
const row = z.strictObject({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() });
const interactive = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('button'), body: text, footer: text.optional(), action: z.strictObject({ buttons: z.array(z.strictObject({ type: z.literal('reply'), reply: z.strictObject({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }) })).min(1).max(3) }) }),
  z.strictObject({ type: z.literal('list'), body: text, footer: text.optional(), action: z.strictObject({ button: z.string().min(1).max(20), sections: z.array(z.strictObject({ title: z.string().max(24).optional(), rows: z.array(row).min(1) })).min(1).max(10) }) }),
]);
const messageShape = z.discriminatedUnion('type', [
  variant('text', z.strictObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() })),
  variant('interactive', interactive),
  variant('image', mediaBody({ caption })),
  variant('video', mediaBody({ caption })),
  variant('document', mediaBody({ caption, filename: z.string().min(1).optional() })),
  variant('audio', mediaBody({ voice: z.boolean().optional() })),
  variant('template', z.strictObject({ name: z.string().min(1), language: z.strictObject({ code: z.string().min(2) }), components: z.array(z.strictObject({ type: z.literal('body'), parameters: z.array(z.strictObject({ type: z.literal('text'), text: z.string() })) })).optional() })),
]).refine((m) => (m.to === undefined) !== (m.recipient === undefined), 'exactly one of `to` and `recipient`');
const readShape = z.strictObject({ messaging_product: z.literal('whatsapp'), status: z.literal('read'), message_id: z.string().min(1) });

const graphError = (c: Context, status: number, e: StubGraphError) =>
  c.json({ error: { message: e.message ?? `(#${e.code}) stub error`, type: 'OAuthException', code: e.code, ...(e.error_subcode === undefined ? {} : { error_subcode: e.error_subcode }), error_data: { messaging_product: 'whatsapp', details: e.details ?? '' }, fbtrace_id: 'stub-trace' } }, status as ContentfulStatusCode);
const invalid = (c: Context, details: string) => graphError(c, 400, { code: 100, message: '(#100) Invalid parameter', details });
const unknownObject = (c: Context, id: string) => graphError(c, 400, { code: 100, error_subcode: 33, message: `Unsupported request. Object with ID '${id}' does not exist`, details: id });

const readBody = async (req: Request): Promise<Pick<RecordedRequest, 'json' | 'form'> & { file?: File }> => {
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('application/json')) return { json: await req.json().catch(() => '<invalid json>') };
  if (!type.startsWith('multipart/form-data')) return {};
  const data = await req.formData();
  const file = data.get('file');
  const form = Object.fromEntries([...data].map(([k, v]) => [k, typeof v === 'string' ? v : `<file ${v.name} ${v.type}>`]));
  return file instanceof File ? { form, file } : { form };
};

/**
 * Plays Meta's Graph API on 127.0.0.1 for tests: checks request shapes (a wrong one gets Meta's 400),
 * records everything, hands out `wamid.stub.N`, keeps uploads, serves templates on two pages and media,
 * and misbehaves on cue.
 */
export const startStubGraphApi = async (options: StubGraphOptions) => {
  const requests: RecordedRequest[] = [], sentMessages: StubSentMessage[] = [], media: StubMedia[] = [], readMarks: string[] = [];
  const templates: StubTemplate[] = [], faults: Fault[] = [], hanging = new Set<() => void>();
  const expired = new Set<string>();
  let sent = 0, mediaCount = 0, url = '';
  const app = new Hono<Env>();

  app.use(async (c, next) => {
    const { file, ...body } = await readBody(c.req.raw.clone());
    const record = { method: c.req.method, path: c.req.path, query: new URL(c.req.url).search, authorization: c.req.header('authorization') ?? null, ...body };
    requests.push(record);
    c.set('record', record);
    c.set('file', file ?? null);
    const index = faults.findIndex((f) => f.only === undefined || c.req.path.includes(f.only));
    const fault = index < 0 ? undefined : faults.splice(index, 1)[0];
    if (fault?.kind === 'drop') { c.env.incoming.socket.destroy(); return c.body(null); }
    if (fault?.kind === 'hang') await new Promise<void>((resolve) => hanging.add(resolve));
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === 'fail') {
      if (fault.fault.retryAfter !== undefined) c.header('retry-after', fault.fault.retryAfter);
      return fault.fault.error === undefined ? c.text('stub failure', fault.fault.status as ContentfulStatusCode) : graphError(c, fault.fault.status, fault.fault.error);
    }
    if (record.authorization !== `Bearer ${options.token}`)
      return graphError(c, 401, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
    const version = c.req.path.split('/')[1];
    if (version !== options.version && version !== 'lookaside') return invalid(c, `unknown version ${version}`);
    return next();
  });

  const knownLine = (id: string) => options.phoneNumberIds === undefined || options.phoneNumberIds.includes(id);

  app.post('/:version/:phoneNumberId/messages', (c) => {
    const phoneNumberId = c.req.param('phoneNumberId');
    if (!knownLine(phoneNumberId)) return unknownObject(c, phoneNumberId);
    const json = c.var.record.json;
    const read = readShape.safeParse(json);
    if (read.success) return readMarks.push(read.data.message_id), c.json({ success: true });
    const parsed = messageShape.safeParse(json);
    if (!parsed.success) return invalid(c, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const body = parsed.data as Record<string, unknown>;
    const mediaId = (body[parsed.data.type] as { id?: string }).id;
    if (mediaId !== undefined && !media.some((m) => m.id === mediaId && m.phoneNumberId === phoneNumberId)) return invalid(c, `media ${mediaId} was not uploaded to ${phoneNumberId}`);
    const waMessageId = `wamid.stub.${++sent}`;
    sentMessages.push({ phoneNumberId, waMessageId, body });
    const input = parsed.data.to ?? parsed.data.recipient;
    return c.json({ messaging_product: 'whatsapp', contacts: [{ input, wa_id: parsed.data.to ?? '' }], messages: [{ id: waMessageId, message_status: 'accepted' }] });
  });

  app.post('/:version/:phoneNumberId/media', async (c) => {
    const phoneNumberId = c.req.param('phoneNumberId');
    if (!knownLine(phoneNumberId)) return unknownObject(c, phoneNumberId);
    const { form } = c.var.record, file = c.var.file;
    if (form?.['messaging_product'] !== 'whatsapp' || file === null) return invalid(c, 'multipart needs messaging_product=whatsapp and file');
    if (form['type'] !== file.type) return invalid(c, `type ${form['type']} differs from the file's ${file.type}`);
    if (!UPLOAD_TYPES.has(file.type)) return graphError(c, 400, { code: 131053, message: 'Media upload error', details: `Unsupported ${file.type}` });
    const bytes = new Uint8Array(await file.arrayBuffer());
    return c.json({ id: stub.addMedia(bytes, file.type, { phoneNumberId, filename: file.name }) });
  });

  app.get('/lookaside/media/:id', (c) => {
    const found = media.find((m) => m.id === c.req.param('id'));
    if (found === undefined || expired.has(found.id)) return c.text('not found', 404);
    return c.body(new Uint8Array(found.bytes), 200, { 'content-type': found.mimeType });
  });

  app.get('/:version/:waba/message_templates', (c) => {
    const waba = c.req.param('waba');
    if (options.businessAccountId !== undefined && waba !== options.businessAccountId) return unknownObject(c, waba);
    const half = Math.ceil(templates.length / 2), second = c.req.query('after') === 'page-2';
    const next = `${url}/${options.version}/${waba}/message_templates?limit=100&after=page-2`;
    return c.json({ data: second ? templates.slice(half) : templates.slice(0, half), paging: second ? { cursors: {} } : { cursors: {}, next } });
  });

  app.get('/:version/:mediaId', (c) => {
    const found = media.find((m) => m.id === c.req.param('mediaId'));
    if (found === undefined || expired.has(found.id)) return unknownObject(c, c.req.param('mediaId'));
    const sha256 = createHash('sha256').update(found.bytes).digest('hex');
    return c.json({ messaging_product: 'whatsapp', url: `${url}/lookaside/media/${found.id}`, mime_type: found.mimeType, sha256, file_size: found.bytes.length, id: found.id });
  });

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false }, () => resolve(s as Server));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const stub = {
    url, requests, sentMessages, media, readMarks, templates,
    /** A file Meta holds (uploaded by us, or sent by a lead); its id. */
    addMedia(bytes: Uint8Array, mimeType: string, from: { phoneNumberId?: string; filename?: string } = {}): string {
      const id = `media.stub.${++mediaCount}`;
      media.push({ id, phoneNumberId: from.phoneNumberId ?? null, mimeType, filename: from.filename ?? null, bytes: new Uint8Array(bytes) });
      return id;
    },
    /** Meta forgot the file (inbound media live 7 days). */
    expireMedia: (id: string) => void expired.add(id),
    /** The next `n` requests (whose path contains `only`, when given) fail so. */
    failNext: (n: number, fault: StubFault, only?: string) =>
      void faults.push(...Array.from({ length: n }, () => ({ kind: 'fail' as const, fault, ...(only === undefined ? {} : { only }) }))),
    delayNext: (ms: number) => void faults.push({ kind: 'delay', ms }),
    dropNextConnection: () => void faults.push({ kind: 'drop' }),
    /** The next request gets no answer until `close()`: the client's timeout must fire. */
    timeoutNext: () => void faults.push({ kind: 'hang' }),
    /** Requests to one path (e.g. `/v25.0/pnid/messages`). */
    requestsTo: (path: string) => requests.filter((r) => r.path === path),
    /** Stops the server; closing twice is harmless. */
    async close(): Promise<void> {
      for (const release of hanging) release();
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e === undefined ? resolve() : reject(e))));
    },
  };
  return stub;
};

export type StubGraphApi = Awaited<ReturnType<typeof startStubGraphApi>>;
