/**
 * Payment terms are stored as short codes (45FDM, 30J_FACTURE, PRELEVEMENT_30J, LCR_45J…), as ERPs export them;
 * screens and documents spell them out in the reader's language. A code no pattern knows is shown as it is.
 */
type Words = { fr: (days: string) => string; en: (days: string) => string };
const PATTERNS: readonly [RegExp, Words][] = [
  [/^(\d+)\s*J?\s*FDM$/, { fr: (n) => `${n} jours fin de mois`, en: (n) => `${n} days end of month` }],
  [/^(\d+)\s*J(?:OURS)?[_ ]FACTURE$/, { fr: (n) => `${n} jours date de facture`, en: (n) => `${n} days from invoice date` }],
  [/^(\d+)\s*J(?:OURS)?$/, { fr: (n) => `${n} jours`, en: (n) => `${n} days` }],
  [/^PRELEVEMENT[_ ](\d+)\s*J$/, { fr: (n) => `prélèvement à ${n} jours`, en: (n) => `direct debit at ${n} days` }],
  [/^VIREMENT[_ ](\d+)\s*J$/, { fr: (n) => `virement à ${n} jours`, en: (n) => `bank transfer at ${n} days` }],
  [/^LCR[_ ](\d+)\s*J$/, { fr: (n) => `LCR à ${n} jours`, en: (n) => `bill of exchange (LCR) at ${n} days` }],
  [/^CHEQUE[_ ](\d+)\s*J$/, { fr: (n) => `chèque à ${n} jours`, en: (n) => `cheque at ${n} days` }],
];

export function paymentTermsText(code: string, language: 'fr' | 'en'): string {
  const c = code.trim().toUpperCase();
  if (c === 'COMPTANT' || c === 'CASH') return language === 'fr' ? 'comptant' : 'cash';
  for (const [pattern, words] of PATTERNS) {
    const m = pattern.exec(c);
    if (m) return words[language](m[1]);
  }
  return code;
}
