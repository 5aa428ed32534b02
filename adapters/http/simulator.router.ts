import { createRouter, type Router } from './create-router.ts';
import * as handlers from './simulator.handlers.ts';
import type { SimulatorDeps } from './simulator.handlers.ts';

export { SIMULATOR_DIR, type SimulatorDeps } from './simulator.handlers.ts';

/** The QA simulator page (fake mode only): static files, so plain routes outside any OpenAPI document. */
export const simulatorRouter = (deps: SimulatorDeps): Router => {
  const router = createRouter();
  router.get('/simulator', handlers.page(deps));
  router.get('/simulator/', handlers.page(deps));
  router.get('/simulator/:file', handlers.file(deps));
  return router;
};
