import { type IsoDate, parisNow } from '../../../core/calendar/dates.ts';

/** The one place the screens read the machine's time: today's date at the desk, in Europe/Paris. */
// eslint-disable-next-line no-restricted-syntax -- the screens' clock is the browser's
export const parisToday = (): IsoDate => parisNow(new Date()).date;
