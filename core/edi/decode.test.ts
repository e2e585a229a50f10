import { describe, expect, it } from 'vitest';
import { EdiByteDecoder, incompleteUtf8Tail } from './decode.ts';

function decodeInChunks(bytes: Uint8Array, size: number) {
  const d = new EdiByteDecoder();
  let text = '';
  let latin1 = false;
  for (let i = 0; i < bytes.length; i += size) {
    const c = d.decode(bytes.subarray(i, i + size));
    text += c.text;
    latin1 ||= c.latin1;
  }
  const rest = d.flush();
  return { text: text + rest.text, latin1: latin1 || rest.latin1, from: d.latin1From };
}

describe('EdiByteDecoder', () => {
  it('decodes UTF-8 whose characters straddle chunks', () => {
    const bytes = new TextEncoder().encode("\ufeffNAD+BY++Kühl € 😀'");
    for (let size = 1; size <= 5; size++)
      expect(decodeInChunks(bytes, size)).toEqual({ text: "\ufeffNAD+BY++Kühl € 😀'", latin1: false, from: null });
  });

  it('falls back to Latin-1 from the first chunk that is not UTF-8', () => {
    const bytes = Uint8Array.from([0x41, 0x42, 0xe9, 0x43]);
    expect(decodeInChunks(bytes, 2)).toEqual({ text: 'ABéC', latin1: true, from: 2 });
  });

  it('reads a truncated UTF-8 sequence at the end as Latin-1', () => {
    expect(decodeInChunks(Uint8Array.from([0x41, 0xc3]), 1)).toEqual({ text: 'AÃ', latin1: true, from: 1 });
  });

  it('measures an incomplete tail', () => {
    expect(incompleteUtf8Tail(Uint8Array.from([0x41, 0xe2, 0x82]))).toBe(2);
    expect(incompleteUtf8Tail(Uint8Array.from([0xe2, 0x82, 0xac]))).toBe(0);
    expect(incompleteUtf8Tail(Uint8Array.from([0x41]))).toBe(0);
  });
});
