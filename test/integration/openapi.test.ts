import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

// The document is built from the routes' schemas alone, the same on either engine: SQLite is enough to read it.
describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { seed: false });
  });
  afterAll(async () => t.close());

  it('gives every operation its success answer with a schema (204 aside)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ name: `${m.toUpperCase()} ${p}`, op })),
    );
    expect(operations.length).toBeGreaterThan(100);
    const incomplete = operations.flatMap(({ name, op }) => {
      const successes = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
      if (!successes.length) return [`${name}: no 2xx answer`];
      return successes
        .filter(([code, r]) => code !== '204' && !Object.values(r.content ?? {}).some((c) => c.schema))
        .map(([code]) => `${name}: ${code} without a schema`);
    });
    expect(incomplete).toEqual([]);
  });
});
