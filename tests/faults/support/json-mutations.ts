import fc from 'fast-check';

type Json = unknown;
type Path = readonly (string | number)[];

/** Every place in a JSON value (the root included), depth first. */
export const pathsOf = (value: Json, at: Path = []): Path[] => {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value !== null && typeof value === 'object')
    return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at];
};

/** `value` with the thing at `path` replaced (or removed, for `undefined`); the input is left alone. */
export const replaceAt = (value: Json, path: Path, replacement: Json): Json => {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value))
    return value.flatMap((v, i) =>
      i !== head ? [v] : rest.length === 0 && replacement === undefined ? [] : [replaceAt(v, rest, replacement)],
    );
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, Json> = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && replacement === undefined) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
};

/** Values that break naive code: wrong types, NUL and lone surrogates (PostgreSQL refuses both in text), huge strings. */
export const trickyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }),
  fc.constantFrom<Json>(
    '',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff x',
    '💥'.repeat(2_000),
    'x'.repeat(70_000),
    -1,
    0,
    1e21,
    -0.5,
    2 ** 53 + 1,
    true,
    null,
    [],
    {},
    [null],
    { '': null },
    undefined,
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Up to three mutations (replace or remove) at random places of `base`. */
export const mutationsOf = (base: fc.Arbitrary<Json>): fc.Arbitrary<Json> =>
  fc.tuple(base, fc.array(fc.tuple(fc.nat(), trickyValue), { minLength: 1, maxLength: 3 })).map(([value, edits]) =>
    edits.reduce((v, [pick, replacement]) => {
      const paths = pathsOf(v);
      return replaceAt(v, paths[pick % paths.length] ?? [], replacement);
    }, value),
  );
