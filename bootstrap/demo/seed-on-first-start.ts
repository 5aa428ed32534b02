import type { Container } from 'inversify';
import type { Config } from '../config.ts';
import { TOKENS } from '../tokens.ts';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { seedDemo } from './seed-demo.ts';

/** `seeded`: the demo desk was loaded; `configured`: a line exists already; `empty`: Meta mode, nothing configured yet. */
export type FirstStart = 'seeded' | 'configured' | 'empty';

/**
 * With no business line configured yet, the fake WhatsApp gets the demo data so a fresh `npm start` is a
 * working desk. Meta mode never does: a made-up catalogue and advisors would answer real leads. There the
 * operator configures the desk (CRM API) or asks for the demo explicitly (`npm run seed`).
 */
export const seedOnFirstStart = async (container: Container, config: Config): Promise<FirstStart> => {
  const uow = container.get(TOKENS.UnitOfWork);
  const lines = await uow.transaction((repos) => repos.lines.list());
  if (lines.length > 0) return 'configured';
  if (config.whatsappMode !== 'fake') return 'empty';
  await seedDemo(uow, config.whatsapp.phoneNumberId ?? FAKE_PHONE_NUMBER_ID);
  return 'seeded';
};
