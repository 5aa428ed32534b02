import type { z } from 'zod';
import { err, ok, type Result } from '../../../domain/shared/result.ts';

/**
 * How a domain value sits in a JSONB column: `{ "v": <version>, "value": <the value in that version's shape> }`.
 * Rows written before values were versioned hold the bare value: that is version 0.
 */
export type StoredEnvelope = { readonly v: number; readonly value: unknown };

/** Turns a value stored in version n into version n + 1 (plain JSON in, plain JSON out; never throws on good input). */
export type Upgrade = (previous: unknown) => unknown;

/**
 * A stored value that cannot be read: written by a newer version of the app, or not of the shape its version
 * says. It names the value, the version and where the shape broke (paths and zod's issue codes), never the
 * data itself: a row holds phones and message texts.
 */
export class UnreadableStoredValue extends Error {
  override readonly name = 'UnreadableStoredValue';
  readonly code = 'stored_value_unreadable';

  constructor(
    /** What the value is, e.g. `bot state`. */
    readonly value: string,
    /** The version it was stored with, `null` when that cannot be told. */
    readonly version: number | null,
    /** `path: issue code`, at most a few. */
    readonly issues: readonly string[],
  ) {
    super(
      `Stored ${value} is unreadable (version ${version ?? 'unknown'})${issues.length === 0 ? '' : `: ${issues.join('; ')}`}`,
    );
  }
}

/** One stored value's way in and out of its column. */
export type StoredCodec<T> = {
  readonly name: string;
  /** The version `encode` writes. */
  readonly version: number;
  encode(value: T): StoredEnvelope;
  /** The value in the current shape, upgraded from whichever version it was stored with; throws `UnreadableStoredValue`. */
  decode(json: unknown): T;
  /** `decode` as a `Result`, for readers that set an unreadable row aside instead of failing. */
  read(json: unknown): Result<T, UnreadableStoredValue>;
};

const MAX_ISSUES = 5;

const isEnvelope = (json: unknown): json is StoredEnvelope => {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const keys = Object.keys(json);
  const { v } = json as { v?: unknown };
  return keys.length === 2 && 'value' in json && typeof v === 'number' && Number.isInteger(v) && v >= 0;
};

const describe = (issues: readonly z.core.$ZodIssue[]): string[] =>
  issues.slice(0, MAX_ISSUES).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`);

/**
 * A codec for a value whose current shape is `schema` and whose history is `upgrades`: `upgrades[n]` turns
 * version n into n + 1, so the current version is `upgrades.length`. Version 0 is the unversioned shape the
 * app wrote before; `upgrades[0]` is the identity when version 1 is that same shape.
 *
 * Changing a stored shape (renaming a field, a bot step, a union's kind) is a migration in code, not in SQL:
 * add an upgrade from the current version to the next, change the schema to the new shape, and rows of every
 * older version go on being read. Old versions are never written again, and the upgrades are never removed
 * while a row may still hold them.
 */
export const versionedCodec = <T>(spec: {
  readonly name: string;
  readonly schema: z.ZodType<T>;
  readonly upgrades: readonly [Upgrade, ...Upgrade[]];
}): StoredCodec<T> => {
  const version = spec.upgrades.length;
  const read = (json: unknown): Result<T, UnreadableStoredValue> => {
    const stored = isEnvelope(json) ? json.v : 0;
    if (stored > version)
      return err(
        new UnreadableStoredValue(spec.name, stored, [`written by a newer version (this app reads ≤ ${version})`]),
      );
    let value = isEnvelope(json) ? json.value : json;
    for (let v = stored; v < version; v++) {
      try {
        value = (spec.upgrades[v] as Upgrade)(value);
      } catch {
        return err(new UnreadableStoredValue(spec.name, stored, [`upgrade from version ${v} failed`]));
      }
    }
    const parsed = spec.schema.safeParse(value);
    return parsed.success
      ? ok(parsed.data)
      : err(new UnreadableStoredValue(spec.name, stored, describe(parsed.error.issues)));
  };
  return {
    name: spec.name,
    version,
    encode: (value) => ({ v: version, value }),
    decode: (json) => {
      const result = read(json);
      if (!result.ok) throw result.error;
      return result.value;
    },
    read,
  };
};

/** The upgrade from version 0 when version 1 only added the envelope. */
export const sameShape: Upgrade = (previous) => previous;
