import { type IsoDate, parisNow } from '../../../core/calendar/dates.ts';

/** The one place the screens read the machine's time: today's date at the desk, in Europe/Paris. */
export const parisToday = (): IsoDate => parisNow(new Date()).date;

/** The instant now, ISO: when a call or a piece of work starts and ends (the screen times it). */
export const nowInstant = (): string => new Date().toISOString();
