export const ORDER_STATUSES = ['draft', 'confirmed', 'released', 'shipped', 'delivered', 'closed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_ACTIONS = ['confirm', 'release', 'ship', 'deliver', 'close', 'cancel'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** The one transition table: from which statuses an action may start, and where it leads. */
export const TRANSITIONS: Record<OrderAction, { from: readonly OrderStatus[]; to: OrderStatus }> = {
  confirm: { from: ['draft'], to: 'confirmed' },
  release: { from: ['confirmed'], to: 'released' },
  ship: { from: ['released'], to: 'shipped' },
  deliver: { from: ['shipped'], to: 'delivered' },
  close: { from: ['delivered'], to: 'closed' },
  cancel: { from: ['draft', 'confirmed'], to: 'cancelled' },
};

export type TransitionCheck = { ok: true; to: OrderStatus } | { ok: false; allowedFrom: readonly OrderStatus[] };

export function checkTransition(status: OrderStatus, action: OrderAction): TransitionCheck {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? { ok: true, to: t.to } : { ok: false, allowedFrom: t.from };
}

export function availableActions(status: OrderStatus): OrderAction[] {
  return ORDER_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

/** An order can still be edited (lines, dates, references) only while it is a draft. */
export function isEditable(status: OrderStatus): boolean {
  return status === 'draft';
}

/** Only a released order has deliveries, and only a delivered one can have left a backorder behind. */
export function hasDeliveries(status: OrderStatus): boolean {
  return status === 'released' || status === 'shipped' || status === 'delivered' || status === 'closed';
}

export function mayHaveBackorders(status: OrderStatus): boolean {
  return status === 'delivered' || status === 'closed';
}
