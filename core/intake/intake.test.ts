import { describe, expect, it } from 'vitest';
import { findOrder } from './find-order.ts';
import { matchSender } from './sender.ts';
import { learnCorrections } from './corrections.ts';
import { scoreLines } from './accuracy.ts';
import { CATALOGUE } from './intake.fixtures.ts';
import { foldSameLength } from './text.ts';

const TODAY = '2026-03-09';
const read = (text: string, ocr = false) => findOrder([{ text, ocr }], CATALOGUE, TODAY);
const brief = (text: string) => read(text).lines.map((l) => [l.productCode, l.quantity, l.unit]);

describe('findOrder', () => {
  it('reads a typed email: names, units, the date and the PO number', () => {
    const found = read(
      'Bonjour,\nBon de commande n° BC-2026-0412\nMerci de nous livrer le 12/03/2026 :\n- 10 sacs de farine T55\n- 4 sacs de gruau T45\n- 2 colis de sucre glace\nCordialement,\nPascal',
    );
    expect(found.lines.map((l) => [l.productCode, l.quantity, l.unit])).toEqual([
      ['FAR-T55-S25', 10, 'SAC'],
      ['FAR-T45-S25', 4, 'SAC'],
      ['SUC-GLA-500', 2, 'COLIS'],
    ]);
    expect(found.requestedDate?.value).toBe('2026-03-12');
    expect(found.customerRef?.value).toBe('BC-2026-0412');
    const qty = found.values.find((v) => v.kind === 'quantity')!;
    expect(
      'Bonjour,\nBon de commande n° BC-2026-0412\nMerci de nous livrer le 12/03/2026 :\n- 10 sacs de farine T55'.slice(
        qty.where.start,
        qty.where.end,
      ),
    ).toBe('10 sacs');
  });

  it("reads the customer's codes, our codes and GTINs, and converts pallets, kilos and tonnes", () => {
    expect(
      brief(
        'FAR55-DEL  Farine T55 25 kg   12\nFAR-T65-S25 : 2 palettes\n3012345001076 x 6\nSucre cristal vrac 24 t\nFarine T55 sac 10 kg : 500 kg',
      ),
    ).toEqual([
      ['FAR-T55-S25', 12, 'SAC'],
      ['FAR-T65-S25', 80, 'PALETTE'],
      ['FAR-SEI-S25', 6, 'SAC'],
      ['SUC-CRI-VRAC', 24, 'TONNE'],
      ['FAR-T55-S10', 50, 'KG'],
    ]);
  });

  it('stops at the quoted message and reads no prose without a quantity', () => {
    expect(brief('Pouvez-vous nous livrer 3 sacs de T65 ?\n\nLe lun. 2 mars 2026, ADV a écrit :\n> 40 sacs de farine T55')).toEqual([
      ['FAR-T65-S25', 3, 'SAC'],
    ]);
    expect(brief('La farine T55 de la semaine dernière était parfaite.')).toEqual([]);
  });

  it('takes an OCR confusion of a code as less sure', () => {
    const [line] = read('FAR55-DEl 8 sacs', true).lines;
    expect(line.productCode).toBe('FAR-T55-S25');
    expect(line.productConfidence).toBeLessThan(0.9);
  });

  it('applies what the desk corrected before for this customer', () => {
    const corrected = {
      ...CATALOGUE,
      corrections: [
        { kind: 'product' as const, readKey: 'farine maison', productId: 3 },
        { kind: 'unit' as const, productId: 3, unit: 'SAC' as const, unitFactor: 2 },
      ],
    };
    const [line] = findOrder([{ text: 'Farine maison : 5 sacs', ocr: false }], corrected, TODAY).lines;
    expect([line.productCode, line.via, line.quantity]).toEqual(['FAR-T65-S25', 'correction', 10]);
  });
});

describe('learnCorrections', () => {
  it('keeps a changed product as his wording and a changed quantity as his unit', () => {
    const found = read('Farine gruau maison 5 sacs\nFarine T55 25 kg 3 sacs').lines;
    const learnt = learnCorrections(found, [
      { productId: 3, quantity: 5 },
      { productId: 2, quantity: 6 },
    ]);
    expect(learnt).toEqual([
      { kind: 'product', readKey: expect.stringContaining('maison'), productId: 3 },
      { kind: 'unit', productId: 2, unit: 'SAC', unitFactor: 2 },
    ]);
  });
});

describe('matchSender', () => {
  const directory = {
    customers: [
      { id: 1, name: 'Boulangerie Martin', email: null, phone: '02 38 11 22 33' },
      { id: 2, name: 'BPLI — Boulangerie Pâtisserie Loire Ingrédients', email: 'achats@bpli.example', phone: null },
    ],
    contacts: [{ customerId: 1, email: 'pascal@boulangerie-martin.example', phone: null }],
  };
  it('matches the address, then the domain, then a phone number or the name in a fax', () => {
    expect(matchSender('Pascal@Boulangerie-Martin.example', '', directory)).toMatchObject({ customerId: 1, by: 'contact', confidence: 1 });
    expect(matchSender('compta@bpli.example', '', directory)).toMatchObject({ customerId: 2, by: 'domain' });
    expect(matchSender('fax@faxserveur.example', 'FAX DE : 02.38.11.22.33', directory)).toMatchObject({ customerId: 1, by: 'phone' });
    expect(matchSender('fax@faxserveur.example', 'BOULANGERIE MARTIN - commande', directory)).toMatchObject({ customerId: 1, by: 'name' });
    expect(matchSender('someone@gmail.com', 'rien', directory)).toMatchObject({ customerId: null, by: 'none' });
  });
});

describe('scoreLines and folding', () => {
  it('scores product, quantity and unit, and costs an extra line', () => {
    const found = read('10 sacs de farine T55\n3 sacs de seigle').lines;
    expect(scoreLines(found, [{ product: 'FAR-T55-S25', quantity: 10, unit: 'SAC' }])).toEqual({ lines: 1, fields: 6, right: 3 });
  });
  it('folds one character for one', () => {
    const text = 'Crème brûlée œuf';
    expect(foldSameLength(text)).toHaveLength(text.length);
  });
});
