import type { PhoneMessageJson } from '../../adapters/http/fake-phone.schemas.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { startDesk, T0 } from './desk-harness.ts';

export const ADMIN = 'admin-key-for-fake-phone-tests-0123456789';

const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** The assembled desk driven only over HTTP, as the simulator page drives it: the fake's phones and the CRM API. */
export const phoneDesk = async () => {
  const desk = await startDesk(T0, null, { CRM_ADMIN_API_KEY: ADMIN });
  const app = desk.container.get(TOKENS.HttpApp);
  const request = async (path: string, init?: RequestInit): Promise<Response> => app.request(path, init);
  /** Waits for what the last request started in the background: inbox processed, replies sent. */
  const settle = (): Promise<void> => desk.idle();
  const send = async (body: object): Promise<Response> => {
    const response = await request('/fake-whatsapp/inbound', json('POST', body));
    await settle();
    return response;
  };
  const messages = async (phone: string): Promise<PhoneMessageJson[]> => {
    const response = await request(`/fake-whatsapp/phones/${encodeURIComponent(phone)}/messages`);
    return ((await response.json()) as { messages: PhoneMessageJson[] }).messages;
  };
  /** Taps, like the page does, the button or list row with this title on the latest business message offering it. */
  const tap = async (phone: string, title: string): Promise<Response> => {
    const offered = (await messages(phone))
      .filter((m) => m.from === 'business')
      .flatMap((m) => [...m.buttons, ...(m.list?.sections.flatMap((s) => s.rows) ?? [])]);
    const choice = offered.findLast((c) => c.title === title);
    if (choice === undefined) throw new Error(`${phone} was offered no "${title}"`);
    return send({ from: phone, choice: { id: choice.id, title: choice.title } });
  };
  const receipts = (phone: string, waMessageIds: string[], status: string) =>
    request(`/fake-whatsapp/phones/${encodeURIComponent(phone)}/receipts`, json('POST', { waMessageIds, status }));
  const crm = (method: string, path: string, body?: unknown) =>
    request(
      `/api/v1${path}`,
      body === undefined
        ? { method, headers: { authorization: `Bearer ${ADMIN}` } }
        : json(method, body, { authorization: `Bearer ${ADMIN}` }),
    );
  return { desk, app, request, settle, send, messages, tap, receipts, crm };
};

export type PhoneDesk = Awaited<ReturnType<typeof phoneDesk>>;
