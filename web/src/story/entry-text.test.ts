import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { TIMELINE_KINDS, type TimelineKind } from '../../../core/customers/timeline.ts';
import type { TimelineEntry } from '../../../core/customers/timeline.schemas.ts';
import en from '../i18n/en.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import { formatterFor } from '../shared/format.ts';
import { entryText } from './entry-text.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'fr', resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });

/** One entry of each kind, with the params its source gives (server/story/sources/). */
const PARAMS: Record<TimelineKind, TimelineEntry['params']> = {
  order: { action: 'confirm', number: 'CDE-202603-00703', grossCents: 110_670 },
  'delivery-shipped': { number: 'LIV-000674', orderNumber: 'CDE-202603-00689', shortLines: 0 },
  'delivery-delivered': { number: 'LIV-000674', orderNumber: 'CDE-202603-00689', shortLines: 2 },
  complaint: { number: 'REC-2026-0004', reason: 'damaged-packaging', mood: 'annoyed', status: 'open' },
  'risk-detected': { orderNumber: 'CDE-202603-00689', cause: 'production-shortfall', shortfall: 40, option: null },
  'risk-resolved': { orderNumber: 'CDE-202603-00689', cause: 'production-shortfall', shortfall: 40, option: 'partial-backorder' },
  note: { text: 'Appeler avant 7 h.', pinned: 1, mood: null, author: 'Léa Moreau' },
  call: { direction: 'out', purpose: 'ordering', outcome: 'order-taken', durationSeconds: 180, note: null, user: 'Léa Moreau' },
  satisfaction: { overall: 8, comment: 'Livreur très aimable', afterComplaint: 0 },
  'edi-problem': { type: 'ORDERS', status: 'queued', document: 'C001-PO-0000002' },
};

describe('entryText', () => {
  for (const language of ['fr', 'en'] as const)
    it(`words every kind of entry in ${language}, without a code or a key left over`, async () => {
      await i18n.changeLanguage(language);
      for (const kind of TIMELINE_KINDS) {
        const { main, more } = entryText(
          { kind, id: 1, at: '2026-03-09T08:00:00.000Z', ref: { type: 'order', id: 1 }, params: PARAMS[kind] },
          i18n.t,
          formatterFor(language),
        );
        const text = `${main} ${more ?? ''}`;
        expect(text, kind).not.toMatch(/story\.|complaints\.|risks\.|calls\.|edi\.|undefined|null|\{\{/);
        expect(text, kind).not.toMatch(/damaged-packaging|production-shortfall|partial-backorder|order-taken|queued/);
      }
    });

  it('says what came short and what the customer chose', async () => {
    await i18n.changeLanguage('fr');
    const fmt = formatterFor('fr');
    const entry = (kind: TimelineKind): TimelineEntry => ({
      kind,
      id: 1,
      at: '2026-03-09T08:00:00.000Z',
      ref: { type: 'order', id: 1 },
      params: PARAMS[kind],
    });
    expect(entryText(entry('delivery-delivered'), i18n.t, fmt)).toEqual({
      main: 'Livraison LIV-000674 livrée (commande CDE-202603-00689)',
      more: '2 lignes incomplètes',
    });
    expect(entryText(entry('risk-resolved'), i18n.t, fmt).main).toBe(
      'Risque sur la commande CDE-202603-00689 réglé : livraison partielle, reliquat',
    );
    expect(entryText(entry('call'), i18n.t, fmt)).toEqual({
      main: 'Appel passé — prise de commande : commande prise',
      more: '3 min · par Léa Moreau',
    });
    expect(entryText(entry('order'), i18n.t, fmt).main).toBe(`Commande CDE-202603-00703 confirmée (${fmt.money(110_670)} TTC)`);
  });
});
