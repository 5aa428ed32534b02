import { ContainerModule } from 'inversify';
import { SystemClock } from '../../adapters/clock/system-clock.ts';
import { RandomIdGenerator } from '../../adapters/ids/random-id-generator.ts';
import type { Clock } from '../../application/ports/clock.ts';
import type { Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { TOKENS } from '../tokens.ts';

/** Configuration, logging, time and identity: what every other area depends on. */
export const coreModule = (config: Config) =>
  new ContainerModule(({ bind }) => {
    bind(TOKENS.Config).toConstantValue(config);
    bind(TOKENS.Logger).toResolvedValue(() => createLogger({ level: config.logLevel }));
    bind(TOKENS.Clock).toResolvedValue(() => new SystemClock());
    bind(TOKENS.IdGenerator).toResolvedValue((clock: Clock) => new RandomIdGenerator(clock), [TOKENS.Clock]);
    bind(TOKENS.Readiness).toConstantValue(() => Promise.resolve(true));
  });
