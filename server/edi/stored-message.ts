import type { EdiMessage } from '../../core/edi/envelope.ts';
import { parseEdi } from '../../core/edi/parse.ts';
import { AppError } from '../errors.ts';

/** Re-reads a stored message (the fixes re-run mapping), its segment indexes as in the original file. */
export function parseStoredMessage(rawText: string, firstSegment: number): EdiMessage {
  const text = `UNB+UNOC:3+X:14+Y:14+260101:0000+R'\n${rawText}\nUNZ+1+R'`;
  const parsed = parseEdi(text);
  if (!parsed.ok) throw new AppError('CONFLICT', 'The stored message no longer parses.');
  const message = parsed.interchanges[0].messages[0];
  const shift = firstSegment - message.segments[0].index;
  return { header: message.header, segments: message.segments.map((seg) => ({ ...seg, index: seg.index + shift })) };
}
