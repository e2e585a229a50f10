import { describe, expect, it } from 'vitest';
import { withoutLinkTokens } from './account-link.ts';

describe('withoutLinkTokens', () => {
  it('keeps the text and the link, not the token', () => {
    const token = 'Xy_9-abcDEF0123456789abcdefghijklmnopqrstu';
    const text = `Choisissez votre mot de passe ici :\nhttps://carnet.example/set-password#${token}\n\nHello, here: https://carnet.example/set-password#${token}\n`;
    const kept = withoutLinkTokens(text);
    expect(kept).not.toContain(token);
    expect(kept).toContain('https://carnet.example/set-password#…');
    expect(kept.startsWith('Choisissez votre mot de passe ici')).toBe(true);
  });
});
