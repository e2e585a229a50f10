/**
 * Who receives what concerns an order (its acknowledgement): the contact whose role says orders (commandes, appro,
 * orders), else the account's own email, else the first contact with an email. Pure: the caller loads the rows.
 */
export type ContactForMail = { name: string; role: string | null; email: string | null };
export type OrderRecipient = { email: string; name: string | null; reason: 'order-contact' | 'customer-email' | 'first-contact' };

// Roles as the desk writes them: "Approvisionneur épicerie", "Service commandes", "Acheteur / appro", "Orders desk".
const ORDER_ROLE = /commande|appro|order/;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const usable = (email: string | null): email is string => email !== null && /^[^\s@]+@[^\s@]+$/.test(email.trim());

export function chooseOrderRecipient(customer: { email: string | null }, contacts: readonly ContactForMail[]): OrderRecipient | null {
  const byRole = contacts.find((c) => c.role !== null && ORDER_ROLE.test(fold(c.role)) && usable(c.email));
  if (byRole) return { email: byRole.email!.trim(), name: byRole.name, reason: 'order-contact' };
  if (usable(customer.email)) return { email: customer.email.trim(), name: null, reason: 'customer-email' };
  const first = contacts.find((c) => usable(c.email));
  return first ? { email: first.email!.trim(), name: first.name, reason: 'first-contact' } : null;
}
