import type { Finding, RuleId, Severity } from '../../core/orders/findings.types.ts';
import { findingKey, type OrderFinding, toOrderFinding } from '../../core/orders/order-findings.ts';
import type { FindingRow, NewFindingRow } from './findings.repository.ts';

export function toOrderFindingFromRow(row: FindingRow): OrderFinding {
  return {
    id: row.id,
    rule: row.rule as RuleId,
    severity: row.severity as Severity,
    message: row.messageFr,
    messages: { fr: row.messageFr, en: row.messageEn },
    lineId: row.lineId,
    lineNo: row.lineNo,
    data: JSON.parse(row.dataJson) as OrderFinding['data'],
    resolution:
      row.overriddenAt === null || row.overriddenBy === null
        ? null
        : {
            kind: row.severity === 'block' ? 'overridden' : 'approved',
            userId: row.overriddenBy,
            userName: row.overriddenByName,
            at: row.overriddenAt,
            reason: row.overrideReason ?? '',
          },
  };
}

/**
 * The rules' fresh findings, each keeping the approval or override its twin of the last run had (same rule, same
 * line, same words): a manager's answer holds as long as what they answered is unchanged.
 */
export function withResolutions(
  fresh: readonly Finding[],
  lineIds: readonly (number | undefined)[],
  previous: readonly OrderFinding[],
): OrderFinding[] {
  const answered = new Map(previous.filter((f) => f.resolution).map((f) => [findingKey(f), f.resolution]));
  return fresh.map((f) => {
    const finding = toOrderFinding(f, lineIds);
    return { ...finding, resolution: answered.get(findingKey(finding)) ?? null };
  });
}

export function findingRows(orderId: number, findings: readonly OrderFinding[]): NewFindingRow[] {
  return findings.map((f) => ({
    orderId,
    rule: f.rule,
    severity: f.severity,
    messageFr: f.messages.fr,
    messageEn: f.messages.en,
    lineId: f.lineId,
    lineNo: f.lineNo,
    dataJson: JSON.stringify(f.data),
    overriddenBy: f.resolution?.userId ?? null,
    overriddenAt: f.resolution?.at ?? null,
    overrideReason: f.resolution?.reason ?? null,
  }));
}

/** Whether a new run says the same as what is stored (then nothing is rewritten). */
export function sameFindings(a: readonly OrderFinding[], b: readonly OrderFinding[]): boolean {
  if (a.length !== b.length) return false;
  const keys = (list: readonly OrderFinding[]) =>
    list.map((f) => `${findingKey(f)}|${f.severity}|${f.lineId ?? ''}|${f.resolution?.at ?? ''}`).sort();
  const [ka, kb] = [keys(a), keys(b)];
  return ka.every((k, i) => k === kb[i]);
}
