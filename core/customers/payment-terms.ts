/**
 * Payment terms are stored as short codes (45FDM, 30J_FACTURE, PRELEVEMENT_30J, LCR_45J…), as ERPs export them; a
 * document for the customer spells them out in French. A code no pattern knows is printed as it is.
 */
const PATTERNS: readonly [RegExp, (days: string) => string][] = [
  [/^(\d+)\s*J?\s*FDM$/, (n) => `${n} jours fin de mois`],
  [/^(\d+)\s*J(?:OURS)?[_ ]FACTURE$/, (n) => `${n} jours date de facture`],
  [/^(\d+)\s*J(?:OURS)?$/, (n) => `${n} jours`],
  [/^PRELEVEMENT[_ ](\d+)\s*J$/, (n) => `prélèvement à ${n} jours`],
  [/^VIREMENT[_ ](\d+)\s*J$/, (n) => `virement à ${n} jours`],
  [/^LCR[_ ](\d+)\s*J$/, (n) => `LCR à ${n} jours`],
  [/^CHEQUE[_ ](\d+)\s*J$/, (n) => `chèque à ${n} jours`],
];

export function paymentTermsFr(code: string): string {
  const c = code.trim().toUpperCase();
  if (c === 'COMPTANT' || c === 'CASH') return 'comptant';
  for (const [pattern, label] of PATTERNS) {
    const m = pattern.exec(c);
    if (m) return label(m[1]);
  }
  return code;
}
