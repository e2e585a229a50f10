import { describe, expect, it } from 'vitest';
import { EDI_REFUSAL_CODES, ENTITIES, FIELD_CODES, MAIL_CODES, PROBLEM_CODES, TIMELINE_CODES } from '../../../core/shared/error-codes.ts';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

const LANGUAGES = { fr, en } as Record<string, Record<string, Record<string, unknown>>>;

/** The `{{x}}` a text fills in. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]);

/**
 * Every code the server can answer, for a problem, a field, an import cell or an EDI refusal, has its French and English text, and
 * that text uses only the params the code carries (a missing one would print as an empty gap).
 */
describe.each(Object.keys(LANGUAGES))('the error codes in %s', (language) => {
  const texts = LANGUAGES[language];
  it.each(Object.entries(PROBLEM_CODES))('problem %s', (code, params) => {
    const text = texts.problems[code];
    expect(typeof text, `problems.${code}`).toBe('string');
    expect(placeholders(text as string).filter((p) => !(params as readonly string[]).includes(p))).toEqual([]);
  });
  it.each(Object.entries(FIELD_CODES))('field %s', (code, params) => {
    const text = texts.fieldErrors[code];
    expect(typeof text, `fieldErrors.${code}`).toBe('string');
    expect(placeholders(text as string).filter((p) => !(params as readonly string[]).includes(p))).toEqual([]);
  });
  it.each(Object.entries(TIMELINE_CODES))('timeline note %s', (code, params) => {
    const text = texts.timelineNotes[code];
    expect(typeof text, `timelineNotes.${code}`).toBe('string');
    // Money travels in cents (`fromCents`) and is worded as an amount (`{{from}}`): see timeline-note.ts.
    const worded = (params as readonly string[]).map((p) => p.replace(/Cents$/, ''));
    expect(placeholders(text as string).filter((p) => !worded.includes(p))).toEqual([]);
  });
  it.each(Object.entries(MAIL_CODES))('mail error %s', (code, params) => {
    const text = texts.mailErrors[code];
    expect(typeof text, `mailErrors.${code}`).toBe('string');
    expect(placeholders(text as string).filter((p) => !(params as readonly string[]).includes(p))).toEqual([]);
  });

  it.each(Object.entries(EDI_REFUSAL_CODES))('EDI refusal %s', (code, params) => {
    const text = texts.ediRefusals[code];
    expect(typeof text, `ediRefusals.${code}`).toBe('string');
    expect(placeholders(text as string).filter((p) => !(params as readonly string[]).includes(p))).toEqual([]);
  });
  it('names every kind of record a not-found may name', () => {
    expect(ENTITIES.filter((e) => typeof texts.entities[e] !== 'string')).toEqual([]);
  });
});
