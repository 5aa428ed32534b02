import { unitOfWorkOver } from '../support/unit-of-work.ts';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { LibPhoneNumberParser } from '../../adapters/contact/libphonenumber-phone-parser.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import type { Actor } from '../../application/ports/actor.ts';
import { CreateLead } from '../../application/use-cases/create-lead.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { aLead } from '../builders/lead-builder.ts';
import { phone } from '../builders/phone.ts';

const advisor = (id: string): Actor => ({ kind: 'user', userId: asId<UserId>(id), role: 'advisor' });
const manager: Actor = { kind: 'user', userId: asId<UserId>('u-jorge'), role: 'manager' };
const admin: Actor = { kind: 'bootstrap-admin', role: 'admin' };

/** A lead on WhatsApp handled by Ana, and the use case another advisor types a lead into. */
const deskWithLead = async () => {
  const uow = unitOfWorkOver(new InMemoryUnitOfWork(new InMemoryStore()));
  const lead = aLead().withPhone('+573001140001').assignedTo('u-ana', 0).build();
  await uow.transaction((repos) => repos.leads.save(lead));
  const createLead = new CreateLead(uow, new FixedClock(0), new SequentialIdGenerator(), new LibPhoneNumberParser());
  const create = (actor: Actor) => createLead.execute({ actor, name: 'Pedro', phone: phone('+573001140001') });
  return { lead, create };
};

describe('CreateLead with a phone already known', () => {
  it('tells another advisor only that the phone is taken, not which lead has it', async () => {
    const { create } = await deskWithLead();

    expect(await create(advisor('u-carlos'))).toEqual({
      ok: false,
      error: { type: 'LeadAlreadyExists', leadId: null },
    });
  });

  it('names the existing lead to its own advisor, managers and admins', async () => {
    const { create, lead } = await deskWithLead();

    for (const actor of [advisor('u-ana'), manager, admin]) {
      expect(await create(actor)).toEqual({ ok: false, error: { type: 'LeadAlreadyExists', leadId: lead.id } });
    }
  });
});
