import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCommonPassword, MIN_PASSWORD_LENGTH, newAccountProblems } from './new-account.ts';

const account = { email: 'jeanne.roux@moulin.example', name: 'Jeanne Roux', password: 'tamis-pétrin-farine-7' };

describe('newAccountProblems', () => {
  it('accepts an email, a name and a long password of its own', () => {
    expect(newAccountProblems(account)).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(newAccountProblems({ email: 'jeanne', name: '  ', password: 'court' })).toEqual([
      { field: 'email', message: 'is not an email address' },
      { field: 'name', message: 'is empty' },
      { field: 'password', message: `is shorter than ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  });

  it('refuses a password that repeats a few characters, whatever its length', () => {
    expect(newAccountProblems({ ...account, password: 'abababababababab' })).toEqual([
      { field: 'password', message: 'has fewer than 5 different characters' },
    ]);
  });

  it('refuses a password made from the account itself, accents and case aside', () => {
    expect(newAccountProblems({ ...account, password: 'JeanneRoux2026!' })[0]?.field).toBe('password');
    expect(newAccountProblems({ ...account, password: 'ROUX-est-la-meilleure' })[0]?.field).toBe('password');
    expect(newAccountProblems({ ...account, password: 'xx-jeanne.roux-xx' })[0]?.field).toBe('password');
  });

  it('refuses every password shorter than the minimum', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: MIN_PASSWORD_LENGTH - 1 }), (password) =>
        newAccountProblems({ ...account, password }).some((p) => p.field === 'password'),
      ),
    );
  });
});

describe('common passwords', () => {
  it('refuses a password from the shipped list, dressed up or repeated, and accepts a passphrase of its own', () => {
    for (const password of ['azertyuiop123', 'Motdepasse2026!', '!!Boulangerie!!', 'azertyazerty', 'P@ssword-1234', '123456789012'])
      expect(isCommonPassword(password), password).toBe(true);
    expect(isCommonPassword('tamis-pétrin-farine-7')).toBe(false);
    expect(newAccountProblems({ ...account, password: 'Motdepasse2026!' })).toEqual([
      { field: 'password', message: 'is among the passwords guessers try first' },
    ]);
  });
});
