/** The server's notion of now, in one place, so that tests and the demo can pin it. */
export function nowIso(): string {
  return new Date().toISOString();
}
