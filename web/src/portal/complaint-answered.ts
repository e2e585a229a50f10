/**
 * When the customer had our answer: the first answer we gave her, or else the settlement (a complaint settled at
 * once, answered with its outcome, never stopped the first-answer clock, yet it was answered).
 */
export const answeredOn = (c: { answeredAt: string | null; resolvedAt: string | null }): string | null => c.answeredAt ?? c.resolvedAt;
