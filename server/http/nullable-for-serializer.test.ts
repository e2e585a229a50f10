import { createRequire } from 'node:module';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Nullable } from '../../core/shared/schemas.ts';
import { nullableForSerializer } from './nullable-for-serializer.ts';

// The serializer Fastify itself loads, as the app uses it.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const fjs = fromFastify('fast-json-stringify') as (schema: unknown) => (data: unknown) => string;

const Row = Type.Object({
  id: Type.Integer(),
  rate: Nullable(Type.Number()),
  label: Nullable(Type.String({ minLength: 1 })),
  kind: Nullable(Type.Union([Type.Literal('a'), Type.Literal('b')])),
  lines: Nullable(Type.Array(Type.Object({ n: Nullable(Type.Integer()) }))),
  owner: Nullable(Type.Object({ name: Type.String() })),
  metrics: Type.Partial(Type.Object({ otif: Nullable(Type.Number()), orders: Nullable(Type.Number()) })),
});
const Body = Type.Object({ rows: Type.Array(Row), total: Nullable(Type.Number()) });

describe('nullable response schemas for the serializer', () => {
  it('writes the same JSON as the anyOf it replaces, nulls and values alike', () => {
    const before = fjs(Body);
    const after = fjs(nullableForSerializer(Body));
    const bodies = [
      { rows: [], total: null },
      {
        rows: [
          { id: 1, rate: null, label: null, kind: null, lines: null, owner: null, metrics: {} },
          {
            id: 2,
            rate: 0.5,
            label: 'Cap Marché',
            kind: 'b',
            lines: [{ n: null }, { n: 3 }],
            owner: { name: 'Léa' },
            metrics: { otif: null, orders: 4 },
          },
        ],
        total: 12.25,
      },
    ];
    for (const b of bodies) expect(after(b)).toBe(before(b));
  });

  it('rewrites a nullable plain type, keeps a union of types as it is and leaves the source schema untouched', () => {
    const out = nullableForSerializer(Row) as { properties: Record<string, Record<string, unknown>> };
    expect(out.properties.rate).toEqual({ type: 'number', nullable: true });
    expect(out.properties.kind.anyOf).toBeDefined(); // 'a' | 'b' | null: not one plain type
    expect(out.properties.owner).toMatchObject({ type: 'object', nullable: true });
    expect(Row.properties.rate.anyOf).toHaveLength(2);
  });
});
