import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openInspectableStorage } from '../../bootstrap/storage.ts';
import { parseEmail } from '../../domain/contact/email.ts';
import { startDesk, T0 } from '../support/desk-harness.ts';

/** Emails the bot accepts, in any letter case (a lead may type capitals; the domain is stored lower-case). */
const anEmail = fc
  .tuple(
    fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9._-]{2,14}[a-zA-Z0-9]$/),
    fc.stringMatching(/^[a-zA-Z]{3,10}$/),
    fc.constantFrom('com', 'co', 'com.co', 'net'),
  )
  .map(([local, host, tld]) => `${local}@${host}.${tld}`)
  .filter((e) => parseEmail(e).ok && !e.includes('..'));

/** A WhatsApp profile name that appears nowhere in the demo data. */
const aProfileName = fc
  .tuple(fc.stringMatching(/^[a-z]{5,9}$/), fc.stringMatching(/^[a-z]{5,9}$/))
  .map(([first, last]) => `Qx${first} Wz${last}`);

describe('a lead who declines consent (Ley 1581): the email they typed is kept nowhere', () => {
  it('leaves no trace of the email or the profile name in any table, whatever they wrote before', async () => {
    await fc.assert(
      fc.asyncProperty(
        anEmail,
        aProfileName,
        fc.constantFrom('Hola', 'Buenas tardes', 'quiero información'),
        fc.boolean(),
        async (email, profileName, greeting, typedTwice) => {
          const { storage, dump } = await openInspectableStorage();
          try {
            const desk = await startDesk(T0, storage);
            const lead = desk.whatsapp.lead('+573004440001', profileName);
            await lead.say(greeting);
            if (typedTwice) await lead.say(email.toUpperCase());
            await lead.say(email);
            await lead.tap('consent:no');
            await desk.idle();

            expect(lead.lastText()).toContain('No registramos tus datos');
            const rows = await dump();
            const holding = rows.filter(
              (r) => r.row.toLowerCase().includes(email.toLowerCase()) || r.row.includes(profileName),
            );
            expect(holding.map((r) => r.table)).toEqual([]);
            // Their number stays, so the bot can answer them again.
            expect(rows.some((r) => r.table === 'conversations' && r.row.includes('573004440001'))).toBe(true);
          } finally {
            await storage.close();
          }
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});
