import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { RandomIdGenerator } from '../../adapters/ids/random-id-generator.ts';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import type { QuoteUnitDeps } from '../../application/steps/quote-unit.ts';
import { takeInboundMessage } from '../../application/steps/inbound-message.ts';
import { EraseLead } from '../../application/use-cases/erase-lead.ts';
import { withQuoteDrafts } from '../../application/use-cases/quote-drafts.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { erasedInbound, erasedOutbound } from '../../domain/lead/erasure.ts';
import { anAdvisorGroup } from '../builders/advisor-group-builder.ts';
import { aConversation } from '../builders/conversation-builder.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aLine } from '../builders/line-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { openTestPostgres } from '../support/database.ts';
import { usePostgresInstances } from './postgres-instances.ts';

const NOW = 1_000_000;
const PHONE = '+573004445566';
const target = await openTestPostgres();

/** A lead erased on one instance while another keeps taking their messages, on one PostgreSQL database. */
describe.skipIf(target === null)('postgres: an erasure while the lead keeps writing', () => {
  const { repos, uowOf } = usePostgresInstances(target);

  it('leaves the lead erased and every message filed under it erased, whichever instance commits first', async () => {
    await repos().organisation.saveUser(aUser().withId('adv-1').build());
    await repos().organisation.saveGroup(anAdvisorGroup().withId('group-1').withAdvisors('adv-1').build());
    const line = aLine().withPhoneNumberId(FAKE_PHONE_NUMBER_ID).withAdvisorGroup('group-1').build();
    await repos().lines.save(line);
    const lead = aLead().withPhone(PHONE).withName('Lucía Fernández').withEmail('lucia@correo.com').build();
    await repos().leads.save(lead);
    await repos().conversations.save(
      aConversation().onLine(line.id).withContact({ phone: PHONE, userId: null }).ofLead(lead.id).build(),
    );
    const clock = new FixedClock(NOW);
    const deps = {
      clock,
      ids: new RandomIdGenerator(clock),
      media: new InMemoryMediaStore(),
      renderer: { render: async () => new Uint8Array() },
    } as unknown as QuoteUnitDeps;
    const message = (n: number) =>
      withQuoteDrafts((drafts) =>
        uowOf(1).transaction((tx) =>
          takeInboundMessage(
            tx,
            deps,
            anEnvelope()
              .fromPhone(PHONE)
              .withProfileName('Lucía Fernández')
              .withContent({ kind: 'text', body: `Soy Lucía, mensaje ${n}` })
              .sentAt(NOW + n)
              .build(),
            drafts,
          ),
        ),
      );
    const erase = new EraseLead(uowOf(0), clock, deps.ids, { delete: async () => {} });

    const [erased] = await Promise.all([
      (async () => {
        await message(0);
        return erase.execute({ actor: { kind: 'bootstrap-admin', role: 'admin' }, leadId: lead.id });
      })(),
      ...Array.from({ length: 8 }, (_, n) => message(n + 1)),
    ]);

    expect(erased.ok).toBe(true);
    expect(await repos().leads.byId(lead.id)).toMatchObject({ name: null, phone: null, email: null });
    const filed = await repos().messages.byLead(lead.id);
    const ofItsConversations = (
      await Promise.all((await repos().conversations.byLead(lead.id)).map((c) => repos().messages.byConversation(c.id)))
    ).flat();
    expect(filed.length + ofItsConversations.length).toBeGreaterThan(0);
    // The lead's messages, and the bot's acknowledgement of them ("Ana te responde en breve"), are all erased.
    for (const m of [...filed, ...ofItsConversations])
      expect(m.content).toEqual(m.direction === 'inbound' ? erasedInbound : erasedOutbound);
    for (const c of await repos().conversations.byLead(lead.id))
      expect(c).toMatchObject({ contact: { phone: null, userId: null }, profileName: null });
  });
});
