// A response schema's `Nullable(X)` (core/shared/schemas.ts) is `anyOf: [X, {type: 'null'}]`. fast-json-stringify
// serializes an anyOf by running each branch's validator on the value to choose one: a report of 2,000 rows of
// nullable figures spent more time there than in its SQL. For serializing only, X with `nullable: true` writes the
// same JSON without the trial (the schemas served as OpenAPI and the validators keep the anyOf).

type Schema = Record<string, unknown>;

const isPlain = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNull = (v: unknown) => isPlain(v) && v.type === 'null' && Object.keys(v).length === 1;

/** X of `anyOf: [X, null]` (either order) when X is one plain type, else null. */
function nullableOf(schema: Schema): Schema | null {
  if (!Array.isArray(schema.anyOf) || schema.anyOf.length !== 2) return null;
  const any = schema.anyOf as unknown[];
  const other = isNull(any[0]) ? any[1] : isNull(any[1]) ? any[0] : null;
  if (!isPlain(other) || typeof other.type !== 'string' || 'anyOf' in other || 'oneOf' in other || 'allOf' in other) return null;
  return other;
}

/** The schema with every nullable plain type rewritten, the rest as it is (copied, never changed in place). */
export function nullableForSerializer(schema: unknown, seen = new WeakMap<object, unknown>()): unknown {
  if (Array.isArray(schema)) return schema.map((s) => nullableForSerializer(s, seen));
  if (!isPlain(schema)) return schema;
  const done = seen.get(schema);
  if (done) return done;
  const inner = nullableOf(schema);
  const source = inner ? (({ anyOf: _anyOf, ...rest }) => ({ ...rest, ...inner, nullable: true }))(schema) : schema;
  const out: Schema = {};
  seen.set(schema, out);
  for (const [k, v] of Object.entries(source))
    out[k] = k === 'enum' || k === 'const' || k === 'default' || k === 'examples' ? v : nullableForSerializer(v, seen);
  return out;
}
