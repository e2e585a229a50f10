import { normalise } from '../shared/search-text.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * Length is what makes a password hard to guess (NIST SP 800-63B), not a required mix of character classes: twelve
 * characters or more, a handful of them distinct, and nothing taken from the account itself.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MIN_DISTINCT_CHARACTERS = 5;

export type NewAccount = { email: string; name: string; password: string };
export type AccountProblem = { field: keyof NewAccount; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What stands in the way of creating this account; empty when nothing does. */
export function newAccountProblems(account: NewAccount): AccountProblem[] {
  const problems: AccountProblem[] = [];
  if (!EMAIL.test(account.email.trim())) problems.push({ field: 'email', message: 'is not an email address' });
  if (!account.name.trim()) problems.push({ field: 'name', message: 'is empty' });
  const weakness = passwordWeakness(account);
  if (weakness) problems.push({ field: 'password', message: weakness.message });
  return problems;
}

/** Why a password is refused: a code the screens translate (fr.json / en.json `passwordWeakness`). */
export type PasswordWeakness = 'too-short' | 'too-few-characters' | 'common' | 'own-words';

/** The same in English, for the command line and the logs. */
const WEAKNESS_TEXT: Record<PasswordWeakness, string> = {
  'too-short': `is shorter than ${MIN_PASSWORD_LENGTH} characters`,
  'too-few-characters': `has fewer than ${MIN_DISTINCT_CHARACTERS} different characters`,
  common: 'is among the passwords guessers try first',
  'own-words': "contains the account's own name or email",
};

/** What makes this password too weak for this account (length, variety, a common one, the account's own words); null: none. */
export function passwordWeakness(account: NewAccount): { code: PasswordWeakness; message: string } | null {
  const code = weaknessOf(account);
  return code && { code, message: WEAKNESS_TEXT[code] };
}

function weaknessOf({ email, name, password }: NewAccount): PasswordWeakness | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) return 'too-few-characters';
  if (isCommonPassword(password)) return 'common';
  const secret = normalise(password);
  const own = [email.trim().split('@')[0], ...name.trim().split(/\s+/)].map(normalise).filter((part) => part.length >= 3);
  if (own.some((part) => secret.includes(part))) return 'own-words';
  return null;
}

/**
 * Whether a password is a common one (core/auth/common-passwords.ts): itself, with digits or signs before or after
 * it ("Motdepasse2026!"), or repeated ("azertyazerty"), case and accents aside.
 */
export function isCommonPassword(password: string): boolean {
  const bare = normalise(password).replace(/[^a-z0-9]/g, '');
  if (COMMON_PASSWORDS.has(bare)) return true;
  const trimmed = normalise(password).replace(/^[^a-z@$]+|[^a-z]+$/g, '');
  const roots = [trimmed, deleet(trimmed)].map((r) => r.replace(/[^a-z0-9]/g, ''));
  if (roots.some((root) => root.length >= 3 && COMMON_PASSWORDS.has(root))) return true;
  const unit = /^(.+?)\1+$/.exec(bare)?.[1];
  return !!unit && (COMMON_PASSWORDS.has(unit) || unit.length <= 3);
}

/** "p@ssw0rd" → "password": the letters guessers' lists replace by look-alikes. */
const deleet = (text: string) =>
  text.replace(/[@4]/g, 'a').replace(/0/g, 'o').replace(/3/g, 'e').replace(/[5$]/g, 's').replace(/1/g, 'i').replace(/7/g, 't');
