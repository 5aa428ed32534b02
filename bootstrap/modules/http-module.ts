import { ContainerModule } from 'inversify';
import { createHttpApp } from '../../adapters/http/create-http-app.ts';
import type { Logger } from '../logger.ts';
import { TOKENS, type Readiness } from '../tokens.ts';

/** The Hono app. Use cases get added to its dependency list as their areas are wired. */
export const httpModule = () =>
  new ContainerModule(({ bind }) => {
    bind(TOKENS.HttpApp).toResolvedValue(
      (logger: Logger, readiness: Readiness) => createHttpApp({ logger, readiness }),
      [TOKENS.Logger, TOKENS.Readiness],
    );
  });
