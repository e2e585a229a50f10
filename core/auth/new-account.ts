import { normalise } from '../shared/search-text.ts';

/**
 * Length is what makes a password hard to guess (NIST SP 800-63B), not a required mix of character classes: twelve
 * characters or more, a handful of them distinct, and nothing taken from the account itself.
 */
export const MIN_PASSWORD_LENGTH = 12;
const MIN_DISTINCT_CHARACTERS = 5;

export type NewAccount = { email: string; name: string; password: string };
export type AccountProblem = { field: keyof NewAccount; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What stands in the way of creating this account; empty when nothing does. */
export function newAccountProblems(account: NewAccount): AccountProblem[] {
  const problems: AccountProblem[] = [];
  if (!EMAIL.test(account.email.trim())) problems.push({ field: 'email', message: 'is not an email address' });
  if (!account.name.trim()) problems.push({ field: 'name', message: 'is empty' });
  const weakness = passwordWeakness(account);
  if (weakness) problems.push({ field: 'password', message: weakness });
  return problems;
}

function passwordWeakness({ email, name, password }: NewAccount): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `is shorter than ${MIN_PASSWORD_LENGTH} characters`;
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) return `has fewer than ${MIN_DISTINCT_CHARACTERS} different characters`;
  const secret = normalise(password);
  const own = [email.trim().split('@')[0], ...name.trim().split(/\s+/)].map(normalise).filter((part) => part.length >= 3);
  if (own.some((part) => secret.includes(part))) return "contains the account's own name or email";
  return null;
}
