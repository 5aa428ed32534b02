import type { Container } from 'inversify';
import type { Config } from '../config.ts';
import { TOKENS } from '../tokens.ts';
import { FAKE_PHONE_NUMBER_ID } from './demo-organisation.ts';
import { seedDemo } from './seed-demo.ts';

/**
 * With no business line configured yet, loads the demo data so a fresh `npm start` is a working desk.
 * Returns whether it seeded.
 */
export const seedOnFirstStart = async (container: Container, config: Config): Promise<boolean> => {
  const uow = container.get(TOKENS.UnitOfWork);
  const lines = await uow.transaction((repos) => repos.lines.list());
  if (lines.length > 0) return false;
  await seedDemo(uow, config.whatsapp.phoneNumberId ?? FAKE_PHONE_NUMBER_ID);
  return true;
};
