import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import fr from '../i18n/fr.json' with { type: 'json' };
import { fieldMessage, problemMessage, translatedFieldErrors } from './field-message.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, interpolation: { escapeValue: false } });
const t = i18n.t;

describe('fieldMessage', () => {
  it('translates by code and params, whatever the English says', () => {
    expect(fieldMessage({ code: 'required', params: {}, message: 'anything' }, t)).toBe('obligatoire');
    expect(fieldMessage({ code: 'too-long', params: { limit: 40 }, message: 'must NOT have more than 40 characters' }, t)).toBe(
      '40 caractères au plus',
    );
    expect(fieldMessage({ code: 'out-of-range', params: { comparison: '>=', limit: 1 }, message: 'must be >= 1' }, t)).toBe(
      'doit être ≥ 1',
    );
    expect(
      fieldMessage(
        { code: 'not-found', params: { entity: 'product', id: '3012345009999' }, message: 'no product has GTIN 3012345009999' },
        t,
      ),
    ).toBe('Article 3012345009999 introuvable');
  });
  it('says why a password is too weak in the reader’s language, its reason a code of its own', () => {
    expect(fieldMessage({ code: 'weak-password', params: { reason: 'too-short' }, message: 'is shorter than 12 characters' }, t)).toBe(
      'est trop faible : moins de 12 caractères',
    );
    expect(
      fieldMessage({ code: 'weak-password', params: { reason: 'own-words' }, message: "contains the account's own name or email" }, t),
    ).toBe('est trop faible : contient le nom ou l’adresse e-mail du compte');
  });

  it('reads an import cell the same way', () => {
    expect(fieldMessage({ code: 'not-whole-number', params: { value: '12,5' }, reason: '"12,5" is not a whole number' }, t)).toBe(
      '« 12,5 » n’est pas un nombre entier',
    );
  });
  it('keeps the server’s words for a rule without a code of its own, or a code this build does not know', () => {
    expect(fieldMessage({ code: 'rule', params: {}, message: 'must be on or after the order date' }, t)).toBe(
      'must be on or after the order date',
    );
    expect(fieldMessage({ code: 'from-a-newer-server', params: {}, message: 'new words' }, t)).toBe('new words');
  });
});

describe('problemMessage', () => {
  it('says the kind of refusal, then each field’s reason, in French', () => {
    const error = new ApiError(404, { code: 'NOT_FOUND', params: { entity: 'order', id: 71 }, detail: 'Order 71 not found' });
    expect(problemMessage(error, t)).toBe('Commande 71 introuvable.');
    const invalid = new ApiError(422, {
      code: 'UNPROCESSABLE',
      detail: 'x',
      errors: [{ path: 'body.lines.0', code: 'no-price', params: { product: 'FAR-T45-1KG', customer: 'C001' }, message: 'x' }],
    });
    expect(problemMessage(invalid, t)).toBe(
      'Demande refusée. pas de prix pour FAR-T45-1KG chez le client C001 (tarif, accord ou promotion)',
    );
  });
});

describe('translatedFieldErrors', () => {
  it('names the holder of a GLN taken, from the problem, in the user’s language', () => {
    const holder = {
      kind: 'delivery-point',
      deliveryPointCode: 'C001-DP1',
      deliveryPointName: 'Saran',
      customerId: 1,
      customerCode: 'C001',
      customerName: 'Cap Marché',
    };
    const error = new ApiError(409, {
      code: 'CONFLICT',
      detail: 'GLN 3021000001023 is already held by …',
      errors: [{ path: 'body.gln', code: 'taken', params: { value: '3021000001023' }, message: 'GLN 3021000001023 is already held by …' }],
      holder,
    });
    expect(translatedFieldErrors(error, t)).toEqual({
      gln: 'GLN déjà attribué au point de livraison C001-DP1 Saran du client C001 : un GLN ne désigne qu’un seul partenaire',
    });
  });
});
