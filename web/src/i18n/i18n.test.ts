import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flatten(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Keys written literally in the code: t('a.b'), label: 'nav.x'. Keys built at run time are checked by prefix. */
function usedKeys(): { exact: Set<string>; prefixes: Set<string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)) exact.add(m[1]);
    for (const m of text.matchAll(/label: '([a-z]+\.[a-zA-Z.]+)'/g)) exact.add(m[1]);
    for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z.]+)\.\$\{/g)) prefixes.add(m[1]);
  }
  return { exact, prefixes };
}

describe('translations', () => {
  const frKeys = new Set(flatten(fr));
  const enKeys = new Set(flatten(en));
  const has = (keys: Set<string>, key: string) => keys.has(key) || keys.has(`${key}_one`) || keys.has(`${key}_other`);

  it('has the same keys in French and English', () => {
    expect([...frKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !frKeys.has(k))).toEqual([]);
  });

  it('has every key the screens use', () => {
    const { exact, prefixes } = usedKeys();
    expect([...exact].filter((k) => !has(frKeys, k))).toEqual([]);
    expect([...prefixes].filter((p) => ![...frKeys].some((k) => k.startsWith(`${p}.`)))).toEqual([]);
  });
});
