import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EdiEvent } from '../../core/edi/assembler.ts';
import { writeOrders } from '../../core/edi/eancom/write-orders.ts';
import { capMarcheEnvelope, capMarcheOrder } from '../../core/edi/edi.fixtures.ts';
import { EdiSyntaxError } from '../../core/edi/errors.ts';
import { parseEdi } from '../../core/edi/parse.ts';
import { readEdiEvents } from './read-interchanges.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-edi-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

async function collect(p: string, chunkBytes?: number): Promise<EdiEvent[]> {
  const events: EdiEvent[] = [];
  for await (const e of readEdiEvents(p, { chunkBytes })) events.push(e);
  return events;
}

describe('readEdiEvents', () => {
  const text = `\ufeff${writeOrders(capMarcheEnvelope, [capMarcheOrder])}`;

  it('streams the same messages as a whole-file parse, whatever the chunk size', async () => {
    const p = file('orders.edi', text);
    const whole = parseEdi(fs.readFileSync(p));
    if (!whole.ok) throw new Error(whole.error.message);
    for (const size of [1, 2, 3, 7, 64, 65_536]) {
      const events = await collect(p, size);
      expect(events.filter((e) => e.type === 'message').map((e) => e.type === 'message' && e.message)).toEqual(
        whole.interchanges[0].messages,
      );
      expect(events.filter((e) => e.type === 'warning')).toEqual([]);
    }
  });

  it('reads Latin-1 files and says so once', async () => {
    const latin1 = Buffer.from(writeOrders(capMarcheEnvelope, [{ ...capMarcheOrder, note: 'Entrepôt fermé' }]), 'latin1');
    const events = await collect(file('latin1.edi', latin1), 16);
    const warnings = events.filter((e) => e.type === 'warning');
    expect(warnings.map((w) => w.type === 'warning' && w.warning.code)).toEqual(['charset']);
    const message = events.find((e) => e.type === 'message');
    expect(message?.type === 'message' && message.message.segments.find((s) => s.tag === 'FTX')?.elements[3]).toEqual(['Entrepôt fermé']);
  });

  it('throws a located error on a malformed file', async () => {
    const p = file('bad.edi', text.replace('UNT+', 'XX+'));
    await expect(collect(p, 5)).rejects.toBeInstanceOf(EdiSyntaxError);
  });

  it('keeps memory flat on a file of many messages', async () => {
    const one = writeOrders(capMarcheEnvelope, [capMarcheOrder]);
    const p = path.join(dir, 'big.edi');
    const fd = fs.openSync(p, 'w');
    for (let i = 0; i < 20_000; i++) fs.writeSync(fd, one.replace(/CM000123/g, `CM${i}`));
    fs.closeSync(fd);
    let messages = 0;
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    for await (const e of readEdiEvents(p)) {
      if (e.type === 'message') messages++;
      if (messages % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(messages).toBe(20_000);
    // Held whole, the segments of this file would take about ten times its size; streamed, the heap grows by
    // what the garbage collector has not yet reclaimed, well under twice the size even on a busy machine.
    expect(peak - before).toBeLessThan(fs.statSync(p).size * 2);
  });
});
