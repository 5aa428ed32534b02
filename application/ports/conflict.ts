/**
 * A write lost a race with another transaction (a unique key taken meanwhile, a serialization failure).
 * Adapters throw it instead of driver errors; the unit of work retries the whole transaction. `key` names
 * the key that was taken (`phone`), never its value: the message ends up in logs.
 */
export class Conflict extends Error {
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`conflict on ${entity} ${key}`);
    this.name = 'Conflict';
  }
}
