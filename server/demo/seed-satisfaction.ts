import type { Db } from '../db/database.ts';
import type { DemoClock } from './demo-clock.ts';
import { insertInterview } from '../satisfaction/satisfaction.repository.ts';
import { insertNote } from '../customers/notes.repository.ts';

/**
 * Maison Lefèvre (an artisan: interviewed each year) was last asked thirteen months ago: its interview is due, in
 * the assistant's day and on GET /api/satisfaction/due. The others came into Carnet with the demo: not yet due.
 */
export async function seedSatisfaction(db: Db, clock: DemoClock): Promise<void> {
  await seedNotes(db, clock);
  const customer = await db.selectFrom('customers').select('id').where('code', '=', 'C022').executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select('id').where('email', '=', 'adv@demo.local').executeTakeFirstOrThrow();
  await insertInterview(db, {
    customerId: customer.id,
    complaintId: null,
    at: clock.shiftInstant('2024-12-10T10:00:00+01:00'),
    answersJson: JSON.stringify([
      { question: 'punctuality', score: 8 },
      { question: 'quality', score: 9 },
      { question: 'desk', score: 8 },
      { question: 'ordering', score: 7 },
      { question: 'overall', score: 8 },
    ]),
    overall: 8,
    comment: 'Contente du T65 ; aimerait commander le samedi matin.',
    followUpTaskId: null,
    createdBy: user.id,
  });
}

/** Notes and moods colleagues left on a few customers: what whoever answers the phone next should know. */
const NOTES = [
  {
    customer: 'C022',
    at: '2026-01-12T09:40:00+01:00',
    pinned: false,
    mood: 'pleased',
    text: 'Mme Lefèvre ravie du T65 ; pense à ouvrir un second fournil au printemps.',
  },
  {
    customer: 'C025',
    at: '2026-01-16T10:35:00+01:00',
    pinned: true,
    mood: 'worried',
    text: 'Ficelle trouvée dans un sac de T45 : la rappeler dès que la qualité a analysé le lot L26008P.',
  },
  {
    customer: 'C042',
    at: '2026-01-15T14:30:00+01:00',
    pinned: false,
    mood: 'annoyed',
    text: 'La responsable de Tours-Gare attend les 3 colis manquants ; répondre avant vendredi.',
  },
];

export async function seedNotes(db: Db, clock: DemoClock): Promise<void> {
  const user = await db.selectFrom('users').select('id').where('email', '=', 'adv@demo.local').executeTakeFirstOrThrow();
  for (const n of NOTES) {
    const customer = await db.selectFrom('customers').select('id').where('code', '=', n.customer).executeTakeFirstOrThrow();
    const at = clock.shiftInstant(n.at);
    await insertNote(db, {
      customerId: customer.id,
      authorId: user.id,
      at,
      text: n.text,
      pinned: n.pinned ? 1 : 0,
      mood: n.mood,
      updatedAt: at,
    });
  }
}
