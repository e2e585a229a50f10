import { describe, expect, it } from 'vitest';
import { type CallRhythm, callsDue, type LoggedCall } from './call.ts';

const martin: CallRhythm = { weekdays: ['MON', 'THU'], from: '10:00', to: '10:30', purpose: 'ordering', contactId: null };
const monday = '2026-03-09';
const call = (o: Partial<LoggedCall> & Pick<LoggedCall, 'id' | 'outcome'>): LoggedCall => ({
  customerId: 1,
  date: monday,
  time: '10:02',
  endTime: '10:03',
  callBackDate: null,
  callBackTime: null,
  ...o,
});

describe('the calls due', () => {
  it("puts Boulangerie Martin's ordering call on Monday at 10:00, not on Tuesday", () => {
    expect(callsDue([{ customerId: 1, rhythm: martin }], [], monday)).toMatchObject([
      { kind: 'ordering-call', customerId: 1, at: '10:00', attempt: 1 },
    ]);
    expect(callsDue([{ customerId: 1, rhythm: martin }], [], '2026-03-10')).toEqual([]);
  });

  it('tries again an hour after no answer, three times at most, and stops once he is reached', () => {
    const rhythms = [{ customerId: 1, rhythm: martin }];
    expect(callsDue(rhythms, [call({ id: 1, outcome: 'no-answer' })], monday)).toMatchObject([{ at: '11:03', attempt: 2 }]);
    expect(callsDue(rhythms, [call({ id: 1, outcome: 'nothing-to-order' })], monday)).toEqual([]);
    const three = [1, 2, 3].map((id) => call({ id, outcome: 'no-answer' }));
    expect(callsDue(rhythms, three, monday)).toEqual([]);
  });

  it('puts a promised call-back at its time, until a later call is made', () => {
    const promised = call({ id: 5, date: '2026-03-06', time: '16:10', outcome: 'call-back', callBackDate: monday, callBackTime: '14:30' });
    expect(callsDue([], [promised], monday)).toMatchObject([{ kind: 'call-back', at: '14:30', callId: 5 }]);
    expect(callsDue([], [promised, call({ id: 9, time: '14:31', outcome: 'handled' })], monday)).toEqual([]);
  });
});
