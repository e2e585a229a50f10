import { parseEdi } from '../parse.ts';
import type { EdiMessage } from '../envelope.ts';
import type { Interchange } from '../parse.ts';

/** Parses text the tests trust to be well formed, and fails loudly with the location if it is not. */
export function parseOrThrow(text: string): { interchanges: Interchange[]; messages: EdiMessage[]; warnings: unknown[] } {
  const r = parseEdi(text);
  if (!r.ok) throw new Error(r.error.message);
  return { interchanges: r.interchanges, messages: r.interchanges.flatMap((i) => i.messages), warnings: r.warnings };
}
