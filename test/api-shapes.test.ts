import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every request and response shape is declared once, as a TypeBox schema in core/<capability>/*.schemas.ts; the
// server's and the web's types are its Static<>. A type the web writes by hand under a schema's name is a copy that
// will drift from what the server answers: this check refuses it.

const repo = path.resolve(import.meta.dirname, '..');

function filesUnder(root: string, dir: string, pattern: RegExp): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(root, rel, pattern);
    return pattern.test(entry.name) ? [rel] : [];
  });
}

/** The shapes core/ declares as schemas: `export const XSchema` names the shape X. */
function schemaNames(root: string): Set<string> {
  const names = filesUnder(root, 'core', /\.schemas\.ts$/).flatMap((file) =>
    [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/export const (\w+)Schema\b/g)].map((m) => m[1]),
  );
  return new Set(names);
}

/** Object types and interfaces the web declares by hand (an alias of another type or a re-export is no copy). */
function handWrittenShapes(root: string): { file: string; name: string }[] {
  return filesUnder(root, 'web/src', /\.tsx?$/).flatMap((file) =>
    [
      ...fs
        .readFileSync(path.join(root, file), 'utf8')
        .matchAll(/^(?:export\s+)?(?:type\s+(\w+)(?:<[^=]*>)?\s*=\s*(?:\{|[\w.]+\s*&\s*\{|\{)|interface\s+(\w+))/gm),
    ].map((m) => ({ file, name: m[1] ?? m[2] })),
  );
}

function copiesOfSchemas(root: string): string[] {
  const schemas = schemaNames(root);
  return handWrittenShapes(root)
    .filter((s) => schemas.has(s.name))
    .map((s) => `${s.file} declares ${s.name}, the shape of core's ${s.name}Schema: import its Static<> type instead`);
}

/** What the web asks the API to answer: the type argument of each `api.get<T>(…)`, `api.post<T>(…)`… */
function answerTypes(root: string): { file: string; type: string }[] {
  return filesUnder(root, 'web/src', /\.tsx?$/).flatMap((file) =>
    [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/\bapi\.(?:get|post|put|patch|delete)<([^()]+?)>\(/g)].map((m) => ({
      file,
      type: m[1].replace(/\s+/g, ' ').trim(),
    })),
  );
}

/**
 * An answer read through a shape the web wrote itself, inline (`api.get<{ open: number }>`) or declared in web/src,
 * whatever its name: the server's schema says otherwise the day it changes, and nothing fails.
 */
function handReadAnswers(root: string): string[] {
  const handWritten = new Map(handWrittenShapes(root).map((s) => [s.name, s.file]));
  return answerTypes(root).flatMap(({ file, type }) => {
    if (type.includes('{')) return [`${file} reads an answer as ${type}, written by hand: import its schema's Static<> type`];
    return [...type.matchAll(/\w+/g)]
      .filter((m) => handWritten.has(m[0]))
      .map((m) => `${file} reads an answer as ${m[0]}, declared by hand in ${handWritten.get(m[0])}: import its schema's Static<> type`);
  });
}

/** Web files that load a schema module at run time (TypeBox in the bundle) rather than its types. */
function valueImportsOfSchemas(root: string): string[] {
  return filesUnder(root, 'web/src', /\.tsx?$/).flatMap((file) =>
    [
      ...fs
        .readFileSync(path.join(root, file), 'utf8')
        .matchAll(/^(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+\.schemas\.ts)['"]/gm),
    ]
      .filter((m) => !m[2])
      .map((m) => `${file} loads ${m[3]} at run time`),
  );
}

describe('API shapes: one declaration, the schema', () => {
  it('web/src declares no type under the name of a schema of core/', () => {
    expect(copiesOfSchemas(repo)).toEqual([]);
  });

  it("web/src reads every answer of the API through a schema's type, never a shape of its own", () => {
    expect(handReadAnswers(repo)).toEqual([]);
  });

  it('web/src imports schema modules as types only, keeping TypeBox out of the bundle', () => {
    expect(valueImportsOfSchemas(repo)).toEqual([]);
  });

  it('the checks see a hand-kept copy and a run-time import of a schema module', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-shapes-'));
    fs.mkdirSync(path.join(root, 'core/orders'), { recursive: true });
    fs.mkdirSync(path.join(root, 'web/src/orders'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'core/orders/orders.schemas.ts'),
      'export const DeliverySchema = Type.Object({});\nexport const OrderDetailSchema = Type.Object({});\n',
    );
    fs.writeFileSync(
      path.join(root, 'web/src/orders/planted.ts'),
      [
        "import { OrderDetailSchema } from '../../../core/orders/orders.schemas.ts';",
        "import type { OrderDetail } from '../../../core/orders/orders.schemas.ts';",
        'export type Delivery = { id: number; status: string };',
        'type OrderDetail2 = OrderDetail;',
        'type Row = { id: number };',
        'type Count = { count: number };',
        "const a = api.get<{ open: number }>('/api/risks/count');",
        "const b = api.get<Count>('/api/edi/queue/count');",
        "const c = api.post<OrderDetail>('/api/orders', {});",
      ].join('\n'),
    );
    try {
      expect(copiesOfSchemas(root)).toEqual([
        "web/src/orders/planted.ts declares Delivery, the shape of core's DeliverySchema: import its Static<> type instead",
      ]);
      expect(handReadAnswers(root)).toEqual([
        "web/src/orders/planted.ts reads an answer as { open: number }, written by hand: import its schema's Static<> type",
        "web/src/orders/planted.ts reads an answer as Count, declared by hand in web/src/orders/planted.ts: import its schema's Static<> type",
      ]);
      expect(valueImportsOfSchemas(root)).toEqual(['web/src/orders/planted.ts loads ../../../core/orders/orders.schemas.ts at run time']);
    } finally {
      fs.rmSync(root, { recursive: true });
    }
  });
});
