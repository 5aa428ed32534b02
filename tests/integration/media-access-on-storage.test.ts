import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bootstrap/config.ts';
import { openStorage, type Storage } from '../../bootstrap/storage.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { aPdf, aPng, anOggOpus } from '../builders/media-fixtures.ts';
import { openTestPostgres } from '../support/database.ts';
import { startDesk, T0 } from '../support/desk-harness.ts';

const ADMIN = 'media-access-admin-key-0123456789abcdef';
const postgres = await openTestPostgres();

type Target = { readonly name: string; open(): Promise<{ storage: Storage; drop(): Promise<void> }> };

const targets: Target[] = [
  {
    name: 'PGlite in DATA_DIR (files on disk)',
    open: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'media-access-'));
      return {
        storage: await openStorage(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })),
        drop: async () => {},
      };
    },
  },
  ...(postgres === null
    ? []
    : [
        {
          name: 'PostgreSQL (files as bytea)',
          open: async () => {
            const { url, drop } = await postgres.emptyDatabase();
            return { storage: await openStorage(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' })), drop };
          },
        },
      ]),
];

for (const target of targets) {
  describe(`media authorisation and content checks on ${target.name}, with real API keys`, () => {
    let opened: Awaited<ReturnType<Target['open']>> | null = null;
    afterEach(async () => {
      await opened?.storage.close();
      await opened?.drop();
      opened = null;
    });

    it("keeps each advisor's uploads from the other, and refuses a PNG as a voice note", async () => {
      opened = await target.open();
      const desk = await startDesk(T0, opened.storage, { CRM_ADMIN_API_KEY: ADMIN });
      const app = desk.container.get(TOKENS.HttpApp);
      const call = (key: string, method: string, path: string, body?: FormData | object) =>
        app.request(`/api/v1${path}`, {
          method,
          headers: {
            authorization: `Bearer ${key}`,
            ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
        });
      const keyOf = async (userId: string) =>
        ((await (await call(ADMIN, 'POST', `/users/${userId}/api-keys`, { label: 'test' })).json()) as { key: string })
          .key;
      const upload = async (key: string, bytes: Uint8Array, type: string) => {
        const form = new FormData();
        form.set('file', new File([bytes], 'archivo', { type }));
        return call(key, 'POST', '/media', form);
      };
      const mine = (await registerThroughBot(desk, '+573001160001', 'Lucía Rojas')).lead;
      const theirs = (await registerThroughBot(desk, '+573001160002', 'Pedro Díaz')).lead;
      const [me, them] = [await keyOf(mine.advisorId ?? ''), await keyOf(theirs.advisorId ?? '')];

      const uploaded = await upload(me, aPdf(), 'application/pdf');
      const { id } = (await uploaded.json()) as { id: string };
      const document = {
        kind: 'media',
        mediaKind: 'document',
        mediaId: id,
        mimeType: 'application/pdf',
        filename: 'brochure.pdf',
      };

      expect(uploaded.status).toBe(201);
      expect((await call(me, 'GET', `/media/${id}`)).status).toBe(200);
      expect((await call(them, 'GET', `/media/${id}`)).status).toBe(404);
      expect((await call(them, 'POST', `/leads/${theirs.id}/messages`, document)).status).toBe(404);
      expect((await call(me, 'POST', `/leads/${mine.id}/messages`, document)).status).toBe(202);
      expect((await call(ADMIN, 'GET', `/media/${id}`)).status).toBe(200);

      const png = (await (await upload(me, aPng(), 'image/png')).json()) as { id: string };
      const voice = (await (await upload(me, anOggOpus(), 'audio/ogg; codecs=opus')).json()) as { id: string };
      const asVoice = await call(me, 'POST', `/leads/${mine.id}/messages`, { kind: 'voice', mediaId: png.id });
      expect(asVoice.status).toBe(415);
      expect(await asVoice.json()).toMatchObject({
        code: 'media_content_mismatch',
        declaredType: 'audio/ogg',
        detectedType: 'image/png',
      });
      expect((await call(me, 'POST', `/leads/${mine.id}/messages`, { kind: 'voice', mediaId: voice.id })).status).toBe(
        202,
      );
    }, 60_000);
  });
}
