import type { TransactionalStore } from '../../application/ports/unit-of-work.ts';
import { demoBuilderProfile } from './demo-builder.ts';
import { demoCatalog } from './demo-catalog.ts';
import { demoGroup, demoLine, demoTemplates, demoUsers } from './demo-organisation.ts';

/**
 * Loads the demo catalogue, advisors, templates, the default line and (once) the builder. Idempotent: everything is
 * written by id, so running it again changes nothing; leads and conversations are never touched.
 */
export const seedDemo = async (uow: Pick<TransactionalStore, 'transaction'>, phoneNumberId?: string): Promise<void> => {
  await uow.transaction(async (repos) => {
    for (const user of demoUsers) await repos.organisation.saveUser(user);
    await repos.organisation.saveGroup(demoGroup);
    await repos.lines.save(demoLine(phoneNumberId));
    await repos.catalog.upsert(demoCatalog);
    for (const template of demoTemplates) await repos.templates.save(template);
    // Only on a desk without one: a profile an administrator saved is theirs.
    if ((await repos.builder.current()) === null) await repos.builder.save(demoBuilderProfile());
  });
};
