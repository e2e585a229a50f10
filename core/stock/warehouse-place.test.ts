import { describe, expect, it } from 'vitest';
import { warehousePlace } from './warehouse-place.ts';

describe('a warehouse as the customer knows it', () => {
  it('keeps the name before its internal detail, with the town', () => {
    expect(warehousePlace({ name: 'Moulin de Saint-Fiacre — magasin produits finis et silos de farine', city: 'Artenay' })).toBe(
      'Moulin de Saint-Fiacre (Artenay)',
    );
    expect(warehousePlace({ name: 'Entrepôt frigorifique Orléans-Nord (prestataire fictif, −25 °C)', city: 'Fleury-les-Aubrais' })).toBe(
      'Entrepôt frigorifique Orléans-Nord (Fleury-les-Aubrais)',
    );
  });

  it('does not repeat a town the name already says, and keeps a plain name whole', () => {
    expect(warehousePlace({ name: 'Fournil Delaunay de Saran — quai expédition', city: 'Saran' })).toBe('Fournil Delaunay de Saran');
    expect(warehousePlace({ name: 'Dépôt Nord', city: null })).toBe('Dépôt Nord');
  });
});
