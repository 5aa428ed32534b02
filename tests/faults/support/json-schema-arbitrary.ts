import fc from 'fast-check';

/** The slice of JSON Schema (OpenAPI 3.1) that the CRM API's request bodies use. */
export type JsonSchema = {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly format?: string;
  readonly example?: unknown;
};
export type Components = Readonly<Record<string, JsonSchema>>;
/** Values to try, besides generated ones, for a property of this name (e.g. ids that exist). */
export type PropertyHints = (name: string) => fc.Arbitrary<unknown> | undefined;

const MAX_DEPTH = 6;
/** Strings as users type them, and as they should not: any UTF-16 code unit, NUL and lone surrogates included. */
const text = (min: number, max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: max }) },
  );

const stringOf = (s: JsonSchema): fc.Arbitrary<unknown> => {
  if (s.format === 'date-time')
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri') return fc.webUrl();
  const min = s.minLength ?? 0;
  return text(min, Math.max(min, Math.min(s.maxLength ?? 40, 40)));
};

const numberOf = (s: JsonSchema, integer: boolean): fc.Arbitrary<unknown> => {
  const min = s.minimum ?? (s.exclusiveMinimum === undefined ? -1_000 : s.exclusiveMinimum + (integer ? 1 : 0.001));
  const max = Math.max(min, s.maximum ?? 10_000_000);
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
};

/**
 * Values that satisfy `schema` (as far as these keywords go): required properties always, optional ones
 * sometimes, strings that may hold any code unit; the schema's `example` and the `hints` often, so that
 * requests get past validation to the handlers. `$ref`s point into `components`.
 */
export const valuesOf = (
  schema: JsonSchema,
  components: Components,
  hints: PropertyHints = () => undefined,
  depth = 0,
): fc.Arbitrary<unknown> => {
  if (depth > MAX_DEPTH) return fc.constant(null);
  const next = (s: JsonSchema) => valuesOf(s, components, hints, depth + 1);
  const generated = generate(schema, components, next, hints);
  return schema.example === undefined ? generated : fc.oneof(fc.constant(schema.example), generated);
};

const generate = (
  schema: JsonSchema,
  components: Components,
  next: (s: JsonSchema) => fc.Arbitrary<unknown>,
  hints: PropertyHints,
): fc.Arbitrary<unknown> => {
  if (schema.$ref !== undefined) return next(components[schema.$ref.replace('#/components/schemas/', '')] ?? {});
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices !== undefined) return fc.oneof(...choices.map(next));
  if (schema.allOf !== undefined)
    return fc
      .tuple(...schema.allOf.map(next))
      .map((parts) => Object.assign({}, ...parts.filter((p) => typeof p === 'object')));
  const types = schema.type === undefined ? ['object'] : typeof schema.type === 'string' ? [schema.type] : schema.type;
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'null':
          return fc.constant(null);
        case 'boolean':
          return fc.boolean();
        case 'integer':
          return numberOf(schema, true);
        case 'number':
          return numberOf(schema, false);
        case 'string':
          return stringOf(schema);
        case 'array':
          return fc.array(next(schema.items ?? {}), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
          });
        default: {
          const properties = Object.fromEntries(
            Object.entries(schema.properties ?? {}).map(([k, s]) => {
              const hinted = hints(k);
              return [k, hinted === undefined ? next(s) : fc.oneof(hinted, next(s))];
            }),
          );
          return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
        }
      }
    }),
  );
};
