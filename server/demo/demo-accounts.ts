import type { Role } from '../../core/auth/roles.ts';

/** The demo company's logins, published in the README and on the login page: they exist in demo mode only. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role }[] = [
  { email: 'adv@demo.local', name: 'Léa Moreau', role: 'assistant' },
  { email: 'adv2@demo.local', name: 'Hugo Bernard', role: 'assistant' },
  { email: 'manager@demo.local', name: 'Claire Dubois', role: 'manager' },
  { email: 'admin@demo.local', name: 'Marc Lemoine', role: 'admin' },
];
