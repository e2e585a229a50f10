import { describe, expect, it } from 'vitest';
import { canReadDocument, DOCUMENT_READERS, type DocumentOwner } from './document-access.ts';
import { STAFF } from './roles.ts';

const OWNERS: DocumentOwner[] = [
  { record: 'order', customerId: 1 },
  { record: 'edi-interchange', customerId: 1 },
  { record: 'penalty-notice', customerId: 1 },
  { record: 'customer-stock-report', customerId: 1 },
];

describe('canReadDocument', () => {
  it('lets staff read each record kind as the routes of that record allow', () => {
    for (const owner of OWNERS) {
      for (const role of STAFF)
        expect(canReadDocument({ role, customerId: null }, owner)).toBe(
          DOCUMENT_READERS[owner.record as keyof typeof DOCUMENT_READERS].includes(role),
        );
    }
    expect(canReadDocument({ role: 'assistant', customerId: null }, { record: 'edi-interchange', customerId: null })).toBe(true);
  });

  it("lets a buyer read her own company's files and nobody else's", () => {
    for (const owner of OWNERS) {
      expect(canReadDocument({ role: 'buyer', customerId: 1 }, owner)).toBe(true);
      expect(canReadDocument({ role: 'buyer', customerId: 2 }, owner)).toBe(false);
      expect(canReadDocument({ role: 'buyer', customerId: null }, owner)).toBe(false);
    }
    expect(canReadDocument({ role: 'buyer', customerId: 1 }, { record: 'edi-interchange', customerId: null })).toBe(false);
  });

  it('lets who imports read an imported file, and never a buyer', () => {
    const imported: DocumentOwner = { record: 'import', customerId: null };
    expect((['assistant', 'manager', 'admin', 'buyer'] as const).map((role) => canReadDocument({ role, customerId: 1 }, imported))).toEqual(
      [false, true, true, false],
    );
  });

  it('lets nobody read a file no record points at', () => {
    for (const role of ['assistant', 'manager', 'admin', 'buyer'] as const)
      expect(canReadDocument({ role, customerId: 1 }, { record: 'none' })).toBe(false);
  });
});
