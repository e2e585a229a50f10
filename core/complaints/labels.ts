import type { Bilingual } from '../shared/bilingual.ts';
import type { ComplaintReason } from './complaint.ts';

/** A reason as a task or a letter words it (the screens word it from fr.json and en.json). */
export const REASON_LABELS: Readonly<Record<ComplaintReason, Bilingual>> = {
  'damaged-packaging': { fr: 'emballage endommagé', en: 'damaged packaging' },
  'missing-quantity': { fr: 'quantité manquante', en: 'missing quantity' },
  'wrong-product': { fr: 'erreur de produit', en: 'wrong product' },
  'quality-defect': { fr: 'défaut de qualité', en: 'quality defect' },
  'foreign-body': { fr: 'corps étranger ou nuisible', en: 'foreign body or pest' },
  'short-best-before': { fr: 'DDM trop courte', en: 'best-before too short' },
  'cold-chain': { fr: 'rupture de la chaîne du froid', en: 'cold chain broken' },
  'late-delivery': { fr: 'livraison en retard', en: 'late delivery' },
  'invoice-error': { fr: 'erreur de prix ou de facture', en: 'price or invoice error' },
  other: { fr: 'autre motif', en: 'other reason' },
};
