import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOrders } from '../../core/edi/eancom/write-orders.ts';
import { CAP_MARCHE_GLN, CAP_MARCHE_SARAN_GLN, MOULINS_GLN, capMarcheEnvelope, capMarcheOrder } from '../../core/edi/edi.fixtures.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-edi-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the real command the way an outside check does: `npx carnet edi parse <file>`, with no database around. */
function carnet(...args: string[]) {
  const env = { ...process.env, DATA_DIR: path.join(dir, 'no-data'), DATABASE_URL: '' };
  const r = spawnSync('npx', ['carnet', ...args], { cwd: repo, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npx carnet edi parse', () => {
  it('prints the interchanges as JSON and exits 0', () => {
    const file = path.join(dir, 'order.edi');
    fs.writeFileSync(file, writeOrders(capMarcheEnvelope, [capMarcheOrder]), 'latin1');
    const r = carnet('edi', 'parse', file);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.interchanges).toHaveLength(1);
    expect(json.interchanges[0]).toMatchObject({ sender: CAP_MARCHE_GLN, recipient: MOULINS_GLN, reference: 'CM000123' });
    const [message] = json.interchanges[0].messages;
    expect(message).toMatchObject({
      type: 'ORDERS',
      reference: 'M1',
      documentNumber: 'CM-PO-771201',
      documentDate: '2026-01-19',
      deliveryDate: '2026-01-21',
      buyer: CAP_MARCHE_GLN,
      supplier: MOULINS_GLN,
      deliveryPoint: CAP_MARCHE_SARAN_GLN,
      invoicee: CAP_MARCHE_GLN,
      currency: 'EUR',
    });
    expect(message.lines[0]).toEqual({
      lineNumber: 1,
      gtin: '3012345001212',
      buyerCode: 'CM-204511',
      supplierCode: null,
      quantity: 160,
      unitPrice: 7.2,
    });
    expect(fs.existsSync(path.join(dir, 'no-data'))).toBe(false);
  });

  it('exits 2 with a problem JSON naming the segment and position of a malformed file', () => {
    const file = path.join(dir, 'bad.edi');
    const text = "UNB+UNOC:3+3021000000019:14+3012345000017:14+260119:0812+1'UNH+1+ORDERS:D:96A:UN'BGM+220+PO+9'UNT+ABC+1'UNZ+1+1'";
    fs.writeFileSync(file, text);
    const r = carnet('edi', 'parse', file);
    expect(r.status).toBe(2);
    const problem = JSON.parse(r.stdout);
    expect(problem).toMatchObject({
      type: 'https://carnet.example/problems/edi-syntax',
      title: 'Malformed EDIFACT interchange',
      segment: { index: 4, tag: 'UNT', byteOffset: text.indexOf('UNT+ABC') },
      element: { position: 1, component: 1 },
      found: 'ABC',
    });
    expect(problem.detail).toContain('segment 4 (UNT)');
  });

  it('exits 1 with a clear message when the file does not exist', () => {
    const r = carnet('edi', 'parse', path.join(dir, 'missing.edi'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no such file');
    expect(r.stdout).toBe('');
  });
});
