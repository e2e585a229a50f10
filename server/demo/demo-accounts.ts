import type { Role } from '../../core/auth/roles.ts';

/** The demo company's logins, published in the README and on the login page: they exist in demo mode only. */
export const DEMO_PASSWORD = 'demo1234';

/** `customerCode`: a buyer's customer (the portal); staff have none. */
export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role; customerCode?: string }[] = [
  { email: 'adv@demo.local', name: 'Léa Moreau', role: 'assistant' },
  { email: 'adv2@demo.local', name: 'Hugo Bernard', role: 'assistant' },
  { email: 'manager@demo.local', name: 'Claire Dubois', role: 'manager' },
  { email: 'admin@demo.local', name: 'Marc Lemoine', role: 'admin' },
  { email: 'achats@pause-croustille.demo', name: 'Nadia Ferrand', role: 'buyer', customerCode: 'C042' },
  { email: 'commandes@paindore.demo', name: 'Julien Aubry', role: 'buyer', customerCode: 'C021' },
];
