/** Where an emailed one-time link opens: its token rides in the fragment, which browsers never send to a server. */
export const SET_PASSWORD_PATH = '/set-password';

const TOKEN_IN_LINK = /(\/set-password#)[A-Za-z0-9_-]+/g;

/** An email's text without its one-time links' tokens: once sent, the outbox keeps what was said, not a key to an account. */
export function withoutLinkTokens(text: string): string {
  return text.replace(TOKEN_IN_LINK, '$1…');
}
