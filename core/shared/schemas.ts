import { Type, type TSchema } from '@sinclair/typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'stable, listed in core/shared/error-codes.ts' }),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: "the code's data (ids, limits, values): what a translation fills in" }),
    ),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String(),
          code: Type.String(),
          params: Type.Record(Type.String(), Type.Unknown()),
          message: Type.String(),
        }),
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true },
);

// What the API takes is bounded to what both engines store: PostgreSQL refuses an `integer` beyond 32 bits and a
// NUL in `text` where SQLite would keep them; a bound in the schema makes either a 400 naming the field, not a 500.

/** The largest value an `integer` column holds on PostgreSQL (and so on both engines). */
export const INT32_MAX = 2_147_483_647;
/** Amounts kept in `bigint` columns: up to ten billion euros, exact as a JS number and far inside a bigint. */
export const BIG_CENTS_MAX = 1_000_000_000_000;
/** Anything but a NUL (U+0000), which PostgreSQL's text cannot hold. */
export const NO_NUL = '^[^\\u0000]*$';

type IntegerOptions = { minimum: number; maximum?: number; description?: string; default?: number };

/** An integer kept in an `integer` column: the field's own bounds, never beyond 32 bits. */
export function Int32(options: IntegerOptions) {
  if (options.maximum !== undefined && options.maximum > INT32_MAX)
    throw new Error(`Int32: maximum ${options.maximum} is beyond what an integer column holds`);
  return Type.Integer({ maximum: INT32_MAX, ...options });
}

/** A record's id: a positive 32-bit integer (in a URL, written in plain decimal: see url-integers.ts). */
export const Id = Int32({ minimum: 1 });
export const IdParams = Type.Object({ id: Id });
/** A set of ids, each once. */
export const Ids = (maxItems: number, options: { minItems?: number; description?: string } = {}) =>
  Type.Array(Id, { maxItems, uniqueItems: true, ...options });
/** Money in an `integer` column (a unit price, a fee), in cents. */
export const Cents = Int32({ minimum: 0, description: 'integer cents' });
/** Money in a `bigint` column (a total, a limit, a claim), in cents. */
export const BigCents = Type.Integer({ minimum: 0, maximum: BIG_CENTS_MAX, description: 'integer cents' });
/** A rate in basis points: 100 bp = 1 %. */
export const Bp = Int32({ minimum: 0, maximum: 10_000, description: 'basis points: 100 bp = 1 %' });

type TextOptions = { minLength?: number; description?: string };
/** Free text: at most `maxLength` characters, no NUL. */
export const Text = (maxLength: number, options: TextOptions = {}) => Type.String({ maxLength, pattern: NO_NUL, ...options });
/** Text with something in it besides spaces (a reason, a label), no NUL. */
export const NonBlankText = (maxLength: number, options: TextOptions = {}) =>
  Type.String({ maxLength, pattern: '^\\s*[^\\s\\u0000][^\\u0000]*$', ...options });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** One of a fixed list of values (the trade's enums in core/), as a union of literals. */
export const literals = <T extends string | number>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
export const IsoDateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO date, Europe/Paris' });
/** A list answer: one page of the items and the count of all that match. */
export const PageOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });
/** A list answer holding every item that matches. */
export const ListOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });
export const Paging = {
  limit: Type.Optional(Int32({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Int32({ minimum: 0, default: 0 })),
};
/** A document's public id (see server/documents/public-id.ts): what the API names a stored file by. */
export const DocumentIdSchema = Type.String({
  pattern: '^[A-Za-z0-9_-]{22}$',
  description: "A document's public id (128 random bits, base64url): GET /api/documents/{id}",
});
