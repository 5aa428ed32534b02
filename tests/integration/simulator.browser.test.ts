import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bootstrap/config.ts';
import { seedOnFirstStart } from '../../bootstrap/demo/seed-on-first-start.ts';
import { startServer, type RunningServer } from '../../bootstrap/server.ts';

/**
 * The QA simulator page in a real browser: a person plays a new lead on the phone down the seed's price
 * path to an advisor, then plays that advisor, who answers with a template and a text the phone reads.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN_KEY = 'simulator-test-admin-key-0123456789abcdef';
const SCREENSHOT = join(dirname(fileURLToPath(import.meta.url)), 'artifacts', 'simulator.png');
// The machine's network is closed: these keep chromium from dialling out (and failing loudly) at start.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`CI=true but there is no chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  console.warn(`Skipping the simulator browser test: no chromium at ${CHROMIUM} (install it or set CHROMIUM_PATH).`);
}

const PNG_WIDTH = 120;
const PNG_HEIGHT = 80;
/** A real PNG (the browser must decode it), built here so the test carries no binary fixture. */
const tinyPng = (): Buffer => {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), body.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(PNG_WIDTH, 0);
  header.writeUInt32BE(PNG_HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  // Each row: filter 0, then a green-to-blue gradient.
  const rows = Buffer.concat(
    Array.from({ length: PNG_HEIGHT }, () =>
      Buffer.from([0, ...Array.from({ length: PNG_WIDTH }, (_, x) => [37, 211 - x, 102 + x]).flat()]),
    ),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** What a lead sends to steal the simulator's key, were it rendered on the app's origin. */
const HOSTILE_HTML =
  '<!doctype html><title>x</title><script>document.title = "PWNED " + JSON.stringify(localStorage)</script>';

/** Waits, with Playwright's auto-waiting, until `locator` shows `text`. */
const shows = (locator: Locator, text: string | RegExp): Promise<void> => locator.getByText(text).last().waitFor();

describe.skipIf(!hasChromium)('the QA simulator page', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  /** Whatever the page's Content-Security-Policy refused, and uncaught errors: the page must need neither. */
  const refused: string[] = [];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lead-desk-simulator-'));
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, CRM_ADMIN_API_KEY: ADMIN_KEY });
    server = await startServer(config, {
      hostname: '127.0.0.1',
      closeGraceMs: 200,
      prepare: async (container) => {
        await seedOnFirstStart(container, config);
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'es-CO' })).newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    page.on('pageerror', (error) => refused.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('plays a lead down the price path to an advisor, who answers with a template and a text', async () => {
    await page.goto(`${server.url}/simulator#key=${ADMIN_KEY}`);
    const advisor = page.getByTestId('advisor-half');
    await shows(advisor, 'En vivo');
    expect(page.url()).not.toContain(ADMIN_KEY);

    // The lead's phone.
    await page.getByLabel('Número del cliente').fill('+573001234567');
    await page.getByLabel('Nombre del cliente').fill('Laura Martínez');
    await page.getByRole('button', { name: 'Abrir chat' }).click();
    const phone = page.getByTestId('phone');
    const chat = page.getByTestId('phone-chat');
    await shows(page.getByTestId('phone-title'), 'Laura Martínez');

    const say = async (text: string) => {
      await phone.getByLabel('Mensaje del cliente').fill(text);
      await phone.getByRole('button', { name: 'Enviar', exact: true }).click();
    };
    const tap = (title: string) => chat.getByRole('button', { name: title, exact: true }).last().click();
    const pick = async (listButton: string, row: string) => {
      await tap(listButton);
      await page.getByTestId('phone-list-sheet').getByRole('button', { name: row }).click();
    };

    await say('Hola');
    await shows(chat, '¿Me escribes tu correo electrónico?');
    await say('laura.martinez@correo.com');
    await shows(chat, /Ley 1581 de 2012/);
    await tap('Acepto');
    await shows(chat, '¿Cómo quieres buscar tu inmueble?');
    await tap('Precio');
    await shows(chat, '¿En qué rango de precio buscas?');
    await pick('Ver opciones', '$ 300 M a $ 500 M');
    await shows(chat, /Encontré \d+ proyectos? para ti/);
    await pick('Ver proyectos', 'Torres de Salitre');
    await shows(chat, 'Torres de Salitre (Bogotá). ¿Qué tipo de inmueble te interesa?');
    await pick('Ver inmuebles', 'Apartamento 2 alcobas');
    await shows(chat, 'Apartamento 2 alcobas en Torres de Salitre. ¿Qué quieres hacer?');
    await tap('Hablar con un asesor');
    await shows(chat, '¡Listo! ✅ Ana Gómez será tu asesor(a) y te contactará muy pronto por este chat.');

    // The advisor's panel, acting as the assigned advisor.
    await advisor.getByLabel('Actuar como').selectOption({ label: 'Ana Gómez · Asesor(a)' });
    await shows(advisor, 'Actúas como Ana Gómez');
    await advisor.getByTestId('visitor').filter({ hasText: 'Laura Martínez' }).click();
    const conversation = advisor.getByTestId('advisor-chat');
    await shows(advisor.getByTestId('window-banner'), 'Ventana abierta · quedan 23 h');
    await shows(conversation, /^Hola$/);
    await shows(conversation, 'Ana Gómez será tu asesor(a)');
    // Opening the chat marks the lead's messages read: blue ticks on the phone.
    const lastTap = chat.locator('[data-testid="phone-message"][data-from="lead"]').last();
    await lastTap.locator('[data-testid="phone-ticks"][data-status="read"]').waitFor();

    await advisor.getByRole('button', { name: 'Plantillas' }).click();
    await advisor.getByLabel('Plantilla', { exact: true }).selectOption({ label: 'bienvenida (es_CO)' });
    expect(await advisor.getByLabel('Variable 1').inputValue()).toBe('Laura');
    await advisor.getByLabel('Variable 2').fill('Ana');
    await advisor.getByRole('button', { name: 'Enviar plantilla' }).click();
    const welcome =
      '¡Hola Laura! Soy Ana, tu asesor(a) de vivienda. ¿Te puedo ayudar con tu búsqueda? Responde este mensaje para conversar.';
    await shows(conversation, welcome);
    await shows(conversation, 'Plantilla · bienvenida');
    await shows(chat, welcome);

    const question = '¿Te queda bien visitar la sala de ventas el sábado? 🏠';
    await advisor.getByLabel('Mensaje del asesor').fill(question);
    await advisor.getByRole('button', { name: 'Enviar', exact: true }).click();
    await shows(chat, question);
    // The phone has the chat open, so it reports the message read: blue ticks on the advisor's side.
    const sent = conversation.getByTestId('advisor-message').filter({ hasText: question });
    await sent.locator('[data-testid="advisor-ticks"][data-status="read"]').waitFor();
    expect(await sent.getByTestId('advisor-ticks').getAttribute('title')).toBe('Leído');

    // A photo from the phone: shown on the phone (its URL) and in the advisor's chat (a blob: of the CRM download).
    await page
      .getByTestId('phone-file')
      .setInputFiles({ name: 'fachada.png', mimeType: 'image/png', buffer: tinyPng() });
    // The browser decoded it (the CSP let it load): its natural width, read in the page.
    type Img = { decode(): Promise<void>; naturalWidth: number };
    const decoded = (img: Locator) =>
      img.evaluate((node) => (node as unknown as Img).decode().then(() => (node as unknown as Img).naturalWidth));
    expect(await decoded(chat.getByTestId('phone-image').last())).toBe(PNG_WIDTH);
    const advisorPhoto = conversation.locator('img.media-image').last();
    await advisorPhoto.waitFor();
    expect(await advisorPhoto.getAttribute('src')).toMatch(/^blob:/);
    expect(await decoded(advisorPhoto)).toBe(PNG_WIDTH);

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(refused).toEqual([]);
  });

  it("files the advisor's message under the visit selected in the card, and filters the chat by visit", async () => {
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/v1${path}`, {
        ...init,
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      });
    // Laura (the first test) has a visit for Torres de Salitre; a newer one opens for Mirador de El Poblado.
    const [laura] = ((await (await api('/leads?q=laura')).json()) as { items: { id: string }[] }).items;
    const leadId = laura?.id ?? 'none';
    const visits = async () =>
      ((await (await api(`/leads/${leadId}/visits`)).json()) as { items: { id: string; projectId: string | null }[] })
        .items;
    const salitre = (await visits()).find((v) => v.projectId === 'p-bog-1');
    expect(
      (await api(`/leads/${leadId}/visits`, { method: 'POST', body: JSON.stringify({ projectId: 'p-med-1' }) })).status,
    ).toBe(201);

    const advisor = page.getByTestId('advisor-half');
    await advisor.getByTestId('visitor').filter({ hasText: 'Laura Martínez' }).click();
    await advisor.getByRole('tab', { name: 'Visita' }).click();
    await advisor.getByTestId('visit-select').selectOption({ label: 'Torres de Salitre' });
    await advisor.getByRole('tab', { name: 'Conversación' }).click();
    await shows(advisor.getByTestId('visit-focus'), 'Tus mensajes se archivan en: Torres de Salitre');
    const text = 'Te comparto los planos de Salitre 📐';
    await advisor.getByLabel('Mensaje del asesor').fill(text);
    await advisor.getByRole('button', { name: 'Enviar', exact: true }).click();
    await shows(page.getByTestId('phone-chat'), text);

    const page1 = (await (await api(`/leads/${leadId}/conversation?limit=200`)).json()) as {
      messages: { text: string | null; visitId: string | null }[];
    };
    expect(page1.messages.find((m) => m.text === text)?.visitId).toBe(salitre?.id);
    // Only this visit's messages: the filter asks the API for the selected visit's.
    await advisor.getByTestId('visit-focus-only').check();
    await shows(advisor.getByTestId('advisor-chat'), text);
    const newer = (await visits()).find((v) => v.projectId === 'p-med-1');
    const onlyNewer = (await (await api(`/leads/${leadId}/conversation?limit=200&visitId=${newer?.id}`)).json()) as {
      messages: { text: string | null }[];
    };
    expect(onlyNewer.messages.map((m) => m.text)).not.toContain(text);
    await advisor.getByTestId('visit-focus-only').uncheck();

    // Hand the conversation back to the bot (it resumes the search on the phone), then take it over again.
    await advisor.getByTestId('hand-back').click();
    await shows(advisor.getByTestId('bot-chip').first(), 'En el bot · Elige cómo buscar');
    await shows(page.getByTestId('phone-chat'), 'Te dejo de nuevo con el asistente virtual');
    await advisor.getByTestId('take-over').click();
    await advisor.getByTestId('hand-back').waitFor();
    expect(refused).toEqual([]);
  });

  it('a hostile HTML "document" from a lead is downloaded, never rendered on the app\'s origin', async () => {
    await page
      .getByTestId('phone-file')
      .setInputFiles({ name: 'oferta.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) });
    const card = page.getByTestId('phone-chat').getByTestId('phone-document').last();
    await card.waitFor();
    const href = await card.getAttribute('href');
    expect(href).toMatch(/^\/fake-whatsapp\/phones\//);

    // Opening the link (as a click on the card does, in a tab) starts a download instead of showing the page.
    const tab = await page.context().newPage();
    const downloaded = tab.waitForEvent('download', { timeout: 10_000 }).catch(() => null);
    await tab.goto(`${server.url}${href}`).catch(() => null);
    // Rendered, its script would have put the page's storage (the admin key) in the title.
    expect(await tab.title()).not.toContain('PWNED');
    expect((await downloaded)?.suggestedFilename()).toBe('oferta.html');
    await tab.close();
    expect(await page.title()).not.toContain('PWNED');
    expect(refused).toEqual([]);
  });
});
