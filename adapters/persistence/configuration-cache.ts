import type {
  BotSettingsRepository,
  CatalogRepository,
  LineRepository,
} from '../../application/ports/configuration.ts';
import { Conflict } from '../../application/ports/conflict.ts';
import type { Repositories } from '../../application/ports/unit-of-work.ts';

/**
 * What every bot turn reads and almost nothing writes: the lines, the bot settings and the catalogue.
 * Kept for `ttlMs` (so another instance's change shows within that time) and dropped at once when this
 * process writes any of them. A transaction that wrote configuration reads past the cache until it ends,
 * and is dropped again when it ends, so nobody keeps what another transaction saw before its commit.
 * A transaction that read cached configuration and then changes it fails with `Conflict` before writing,
 * and the unit of work runs it again on fresh reads: an edit never builds on a stale copy.
 */
export class ConfigurationCache {
  readonly #entries = new Map<string, { readonly value: Promise<unknown>; readonly until: number }>();
  #generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  read<T>(key: string, load: () => Promise<T>, onHit: () => void = () => undefined): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit !== undefined && hit.until > this.now()) {
      onHit();
      return hit.value as Promise<T>;
    }
    const generation = this.#generation;
    const value = load();
    // Kept only once loaded, and only if nothing was written meanwhile.
    value.then(
      () => {
        if (generation === this.#generation) this.#entries.set(key, { value, until: this.now() + this.ttlMs });
      },
      () => undefined,
    );
    return value;
  }

  invalidate(): void {
    this.#generation += 1;
    this.#entries.clear();
  }

  /**
   * The repositories with configuration reads served from the cache (`fresh`: read past it, as a transaction run
   * again after a `Conflict` does); `wrote()` tells whether configuration changed.
   */
  around(repos: Repositories, fresh = false): { readonly repos: Repositories; wrote(): boolean } {
    let wrote = false;
    let servedCached = false;
    const write = async (work: () => Promise<void>): Promise<void> => {
      this.invalidate();
      if (servedCached) throw new Conflict('configuration', 'read from the cache before this change');
      wrote = true;
      await work();
    };
    const cached = <T>(key: string, load: () => Promise<T>): Promise<T> =>
      fresh || wrote ? load() : this.read(key, load, () => (servedCached = true));
    const { lines, settings, catalog } = repos;
    const cachedLines: LineRepository = {
      byId: (id) => cached(`line:${id}`, () => lines.byId(id)),
      byPhoneNumberId: (phoneNumberId) =>
        cached(`line-number:${phoneNumberId}`, () => lines.byPhoneNumberId(phoneNumberId)),
      list: () => lines.list(),
      save: (line) => write(() => lines.save(line)),
    };
    const cachedSettings: BotSettingsRepository = {
      current: () => cached('settings', () => settings.current()),
      save: (next) => write(() => settings.save(next)),
    };
    const cachedCatalog: CatalogRepository = {
      forLine: (line) => cached(`catalog:${line.id}:${line.projectIds.join(',')}`, () => catalog.forLine(line)),
      all: () => cached('catalog', () => catalog.all()),
      upsert: (next) => write(() => catalog.upsert(next)),
      replacePriceBuckets: (buckets) => write(() => catalog.replacePriceBuckets(buckets)),
      remove: (ids) => write(() => catalog.remove(ids)),
    };
    return {
      repos: { ...repos, lines: cachedLines, settings: cachedSettings, catalog: cachedCatalog },
      wrote: () => wrote,
    };
  }
}
