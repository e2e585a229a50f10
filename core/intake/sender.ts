import { normalise } from '../shared/search-text.ts';
import type { SenderMatch } from './intake.schemas.ts';

/** What sender matching reads of the customers: their own email, their contacts' emails and their phone numbers. */
export type SenderDirectory = {
  customers: readonly { id: number; name: string; email: string | null; phone: string | null }[];
  contacts: readonly { customerId: number; email: string | null; phone: string | null }[];
};

/** Mail providers many customers share: their domain says nothing about who wrote. */
const SHARED_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'neuf.fr',
  'laposte.net',
  'hotmail.com',
  'hotmail.fr',
  'outlook.com',
  'outlook.fr',
  'live.fr',
  'yahoo.fr',
  'yahoo.com',
  'icloud.com',
  'bbox.fr',
  'aol.com',
]);

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^33/, '0');

/**
 * Who sent it: the address of a contact or of the account itself (sure), else a domain only one customer uses
 * (fairly sure), else — a fax arrives from the fax server's address — a phone number of the customer written in the
 * text (the fax header carries the sender's number), else the customer's name in the text. Not sure between several:
 * no customer, the candidates for the desk to pick from.
 */
export function matchSender(fromAddress: string | null, text: string, directory: SenderDirectory): SenderMatch {
  const address = fromAddress?.trim().toLowerCase() ?? '';
  if (address.includes('@')) {
    const byContact = unique(directory.contacts.filter((c) => c.email?.trim().toLowerCase() === address).map((c) => c.customerId));
    if (byContact.length === 1) return { customerId: byContact[0], by: 'contact', confidence: 1, candidates: [] };
    const byAccount = unique(directory.customers.filter((c) => c.email?.trim().toLowerCase() === address).map((c) => c.id));
    if (byAccount.length === 1) return { customerId: byAccount[0], by: 'customer-email', confidence: 1, candidates: [] };
    const domain = domainOf(address);
    if (!SHARED_DOMAINS.has(domain)) {
      const byDomain = unique([
        ...directory.contacts.filter((c) => c.email && domainOf(c.email.trim()) === domain).map((c) => c.customerId),
        ...directory.customers.filter((c) => c.email && domainOf(c.email.trim()) === domain).map((c) => c.id),
      ]);
      if (byDomain.length === 1) return { customerId: byDomain[0], by: 'domain', confidence: 0.85, candidates: [] };
      if (byDomain.length > 1) return { customerId: null, by: 'none', confidence: 0, candidates: byDomain };
    }
  }
  const textDigits = text.replace(/[ .\-\u00a0]/g, '').replace(/\+33\(?0?\)?/g, '0');
  const byPhone = unique([
    ...directory.customers.filter((c) => c.phone && digits(c.phone).length >= 9 && textDigits.includes(digits(c.phone))).map((c) => c.id),
    ...directory.contacts
      .filter((c) => c.phone && digits(c.phone).length >= 9 && textDigits.includes(digits(c.phone)))
      .map((c) => c.customerId),
  ]);
  if (byPhone.length === 1) return { customerId: byPhone[0], by: 'phone', confidence: 0.8, candidates: [] };
  const folded = normalise(text);
  const byName = unique(directory.customers.filter((c) => nameIn(c.name, folded)).map((c) => c.id));
  if (byName.length === 1) return { customerId: byName[0], by: 'name', confidence: 0.7, candidates: [] };
  return { customerId: null, by: 'none', confidence: 0, candidates: unique([...byPhone, ...byName]) };
}

/** "Boulangerie Martin" in the text; a name's part after a dash or a bracket is a description, not said by the customer. */
function nameIn(name: string, foldedText: string): boolean {
  const core = normalise(name)
    .split(/\s[—–-]\s|\(|,/)[0]
    .trim();
  if (core.length < 5) return false;
  const escaped = core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^a-z0-9])${escaped}([^a-z0-9]|$)`).test(foldedText);
}

function unique(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}
