import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupName, backupTakenAt } from './backup-name.ts';
import { backupsToPrune } from './retention.ts';

const instant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

describe('backup names', () => {
  it('name the UTC second the backup was taken, and read it back', () => {
    expect(backupName(new Date('2026-12-06T08:30:05.250Z'))).toBe('carnet-backup-2026-12-06T08-30-05Z');
    fc.assert(fc.property(instant, (at) => backupTakenAt(backupName(at))?.getTime() === at.getTime()));
  });

  it('sort in time order as text', () => {
    fc.assert(
      fc.property(
        instant,
        instant,
        (a, b) => Math.sign(backupName(a).localeCompare(backupName(b))) === Math.sign(a.getTime() - b.getTime()),
      ),
    );
  });

  it('are not read into anything else in the folder', () => {
    for (const other of [
      'carnet-backup-2026-12-06T08-30-05Z.partial',
      'carnet-backup-2026-13-06T08-30-05Z',
      'notes.txt',
      'carnet-backup-2026-02-30T08-00-00Z',
    ])
      expect(backupTakenAt(other)).toBeNull();
  });
});

describe('retention', () => {
  const names = [
    'carnet-backup-2026-12-01T02-00-00Z',
    'carnet-backup-2026-12-03T02-00-00Z',
    'carnet-backup-2026-12-02T02-00-00Z',
    'readme.txt',
  ];

  it('keeps the newest, deletes the oldest, leaves other files alone', () => {
    expect(backupsToPrune(names, 2)).toEqual(['carnet-backup-2026-12-01T02-00-00Z']);
    expect(backupsToPrune(names, 5)).toEqual([]);
  });

  it('never deletes the newest backup, whatever keep says', () => {
    expect(backupsToPrune(names, 0)).toEqual(['carnet-backup-2026-12-02T02-00-00Z', 'carnet-backup-2026-12-01T02-00-00Z']);
  });

  it('keeps exactly max(keep, 1) of n backups, always the newest ones', () => {
    fc.assert(
      fc.property(fc.uniqueArray(instant, { maxLength: 20, selector: (d) => d.getTime() }), fc.nat(25), (dates, keep) => {
        const all = dates.map(backupName);
        const pruned = new Set(backupsToPrune(all, keep));
        const kept = all.filter((n) => !pruned.has(n));
        expect(kept.length).toBe(Math.min(all.length, Math.max(1, keep)));
        const oldestKept = Math.min(...kept.map((n) => backupTakenAt(n)!.getTime()));
        for (const n of pruned) expect(backupTakenAt(n)!.getTime()).toBeLessThan(oldestKept);
      }),
    );
  });
});
