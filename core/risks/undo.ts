// Whether an option applied to an order on a risk call can still be taken back. Plain data in, a reason out.

/**
 * What the order's timeline writes by itself after a change, the outbox sending (or failing to send) an email of it
 * (`acknowledgement_sent`, `<kind>_failed`): not a move on.
 */
const isQuiet = (action: string) => /_(sent|failed)$/.test(action);

export type UndoSituation = {
  /** The order's status when the option was applied, and now. */
  appliedStatus: string;
  status: string;
  /** What the order's timeline recorded after the option was applied, oldest first. */
  laterActions: readonly string[];
  /** The order's deliveries that have left (or were cancelled) since: beyond change. */
  leftDeliveries: number;
  /** The backorder the option made, if any: its status now, and whether anything has left for it. */
  backorder: { number: string; status: string; deliveries: number } | null;
};

export type UndoRefusal =
  | { reason: 'status'; from: string; to: string }
  | { reason: 'changed'; action: string }
  | { reason: 'shipped' }
  | { reason: 'backorder'; number: string; status: string };

/**
 * An applied option is undone only while nothing moved on since: the order still in the status it had (a confirmed
 * order released meanwhile has goods picked on the new lines), nothing else done to it (a change, another risk,
 * a release), nothing left the warehouse, and the backorder it made still only confirmed, nothing of it planned.
 */
export function undoRefusal(s: UndoSituation): UndoRefusal | null {
  if (s.status !== s.appliedStatus) return { reason: 'status', from: s.appliedStatus, to: s.status };
  const moved = s.laterActions.find((a) => !isQuiet(a));
  if (moved) return { reason: 'changed', action: moved };
  if (s.leftDeliveries > 0) return { reason: 'shipped' };
  if (s.backorder && (s.backorder.status !== 'confirmed' || s.backorder.deliveries > 0))
    return { reason: 'backorder', number: s.backorder.number, status: s.backorder.status };
  return null;
}
