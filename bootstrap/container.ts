import { Container, type ContainerModule, type ServiceIdentifier } from 'inversify';
import type { Config } from './config.ts';
import type { Storage } from './storage.ts';
import { coreModule } from './modules/core-module.ts';
import { chatToolsModule } from './modules/chat-tools-module.ts';
import { configurationModule } from './modules/configuration-module.ts';
import { crmModule } from './modules/crm-module.ts';
import { visitCardModule } from './modules/visit-card-module.ts';
import { personalDataModule } from './modules/personal-data-module.ts';
import { storageModule, useCaseModule } from './modules/desk-module.ts';
import { eventsModule } from './modules/events-module.ts';
import { whatsappModule } from './modules/whatsapp-module.ts';
import { httpModule } from './modules/http-module.ts';
import { limitsModule } from './modules/limits-module.ts';

/**
 * One `ContainerModule` per area, loaded in order. To wire a new area, write
 * `bootstrap/modules/<area>-module.ts` exporting `(config) => new ContainerModule(...)` and add it here.
 */
const modules = (config: Config, storage: Storage | null): ContainerModule[] => [
  coreModule(config),
  storageModule(storage),
  eventsModule(storage),
  whatsappModule(config),
  useCaseModule(),
  crmModule(config),
  visitCardModule(),
  chatToolsModule(),
  configurationModule(),
  personalDataModule(),
  limitsModule(config, storage),
  httpModule(config),
];

/** Replaces one binding with a ready-made value (a FixedClock, a recording logger, a fake gateway…). */
export interface Override<T> {
  readonly token: ServiceIdentifier<T>;
  readonly value: T;
}

export const override = <T>(token: ServiceIdentifier<T>, value: T): Override<T> => ({ token, value });

/**
 * Builds the application's object graph. Everything is a singleton: adapters hold pools,
 * caches and per-lead queues that must be shared. Overrides are applied after all modules load.
 */
export const buildContainer = (
  config: Config,
  overrides: readonly Override<unknown>[] = [],
  storage: Storage | null = null,
): Container => {
  const container = new Container({ defaultScope: 'Singleton' });
  container.load(...modules(config, storage));
  for (const { token, value } of overrides) {
    if (container.isBound(token)) container.unbind(token);
    container.bind(token).toConstantValue(value);
  }
  return container;
};
