import { type IsoDate, parisNow } from '../../core/calendar/dates.ts';
import type { Typology } from '../../core/customers/customer-enums.ts';
import { TYPOLOGIES } from '../../core/customers/customer-enums.ts';
import {
  DEFAULT_GUIDES,
  interviewDueOn,
  lowAnswers,
  type SatisfactionGuide,
  type SatisfactionQuestion,
} from '../../core/satisfaction/satisfaction.ts';
import type { SatisfactionDue, SatisfactionInput, SatisfactionInterview } from '../../core/satisfaction/satisfaction.schemas.ts';
import { auditRow, recordAudits } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import { raiseTask } from '../tasks/tasks.service.ts';
import {
  findComplaintForQuestion,
  findInterviewRow,
  findManagerId,
  insertInterview,
  listCustomersWithLastInterview,
  listGuideRows,
  listInterviewRows,
  setFollowUpTask,
} from './satisfaction.repository.ts';

const QUESTION_LABELS: Record<SatisfactionQuestion, { fr: string; en: string }> = {
  punctuality: { fr: 'ponctualité des livraisons', en: 'delivery punctuality' },
  quality: { fr: 'qualité des produits', en: 'product quality' },
  desk: { fr: "réponse de l'ADV", en: 'how the desk answers' },
  ordering: { fr: 'facilité de commande', en: 'ease of ordering' },
  overall: { fr: 'note globale', en: 'overall score' },
};

/** Each typology's guide: the manager's where he set one, else the trade's default. */
export async function satisfactionGuides(db: DbOrTrx): Promise<SatisfactionGuide[]> {
  const rows = await listGuideRows(db);
  return TYPOLOGIES.map((typology) => {
    const row = rows.find((r) => r.typology === typology);
    return row
      ? {
          typology,
          rhythmMonths: row.rhythmMonths,
          questions: JSON.parse(row.questionsJson) as SatisfactionQuestion[],
          lowScore: row.lowScore,
        }
      : DEFAULT_GUIDES[typology];
  });
}

/**
 * The customers whose satisfaction interview is due on `date` (or overdue), the longest waiting first: for the
 * assistant's day (issue 13's planner calls this) and GET /api/satisfaction/due. `assistantId`: only hers.
 */
export async function satisfactionDue(db: DbOrTrx, date: IsoDate, assistantId?: number): Promise<SatisfactionDue[]> {
  const [guides, customers] = await Promise.all([satisfactionGuides(db), listCustomersWithLastInterview(db, assistantId)]);
  const byTypology = new Map(guides.map((g) => [g.typology, g]));
  return customers
    .flatMap((c) => {
      const guide = byTypology.get(c.typology as Typology);
      if (!guide) return [];
      const last = c.lastAt ? parisNow(new Date(c.lastAt)).date : null;
      const dueOn = interviewDueOn(guide, last, c.createdAt.slice(0, 10));
      if (dueOn > date) return [];
      return [
        {
          customerId: c.id,
          customerCode: c.code,
          customerName: c.name,
          typology: c.typology as Typology,
          assistantUserId: c.assistantUserId,
          lastInterviewOn: last,
          dueOn,
          rhythmMonths: guide.rhythmMonths,
        },
      ];
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.customerName.localeCompare(b.customerName));
}

function toInterview(row: Awaited<ReturnType<typeof findInterviewRow>>): SatisfactionInterview {
  return {
    id: row.id,
    customerId: row.customerId,
    complaintId: row.complaintId,
    at: row.at,
    answers: JSON.parse(row.answersJson) as SatisfactionInterview['answers'],
    overall: row.overall,
    comment: row.comment,
    followUpTaskId: row.followUpTaskId,
  };
}

/** A customer's last interviews (and settled complaints' questions), the latest first: what he said before. */
export async function customerInterviews(db: DbOrTrx, customerId: number): Promise<SatisfactionInterview[]> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  return (await listInterviewRows(db, customerId)).map(toInterview);
}

/**
 * Records an interview (or a resolved complaint's one question): the scores and the customer's words, audited; a
 * score at or below the guide's low score opens a follow-up for the manager, with what was low.
 */
export async function recordSatisfaction(
  db: Db,
  userId: number,
  customerId: number,
  input: SatisfactionInput,
  now: Date,
): Promise<SatisfactionInterview> {
  const customer = await findCustomer(db, customerId);
  if (!customer) throw notFound('Customer', customerId);
  const questions = input.answers.map((a) => a.question);
  const repeated = questions.findIndex((q, i) => questions.indexOf(q) !== i);
  if (repeated >= 0)
    throw new AppError('VALIDATION', 'a question is answered twice', [
      { path: `body.answers.${repeated}.question`, code: 'duplicate', params: {}, message: 'answered twice' },
    ]);
  if (input.complaintId !== undefined) {
    const complaint = await findComplaintForQuestion(db, input.complaintId);
    if (!complaint || complaint.customerId !== customerId)
      throw new AppError('VALIDATION', 'not a complaint of this customer', [
        {
          path: 'body.complaintId',
          code: 'not-found',
          params: { entity: 'complaint', id: input.complaintId },
          message: 'not a complaint of this customer',
        },
      ]);
    if (!['resolved', 'refused', 'closed'].includes(complaint.status))
      throw new AppError('UNPROCESSABLE', `complaint ${complaint.number} is not settled yet: ask once it is`);
    if (input.answers.length !== 1)
      throw new AppError('VALIDATION', 'a complaint asks one question', [
        { path: 'body.answers', code: 'too-many', params: { limit: 1 }, message: 'one question after a complaint' },
      ]);
  }
  const guide = (await satisfactionGuides(db)).find((g) => g.typology === customer.typology) ?? DEFAULT_GUIDES.ARTISAN;
  const low = lowAnswers(input.answers, guide.lowScore);
  const managerId = low.length ? await findManagerId(db) : null;
  const at = now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const interviewId = await insertInterview(trx, {
      customerId,
      complaintId: input.complaintId ?? null,
      at,
      answersJson: JSON.stringify(input.answers),
      overall: input.answers.find((a) => a.question === 'overall')?.score ?? null,
      comment: input.comment?.trim() ?? null,
      followUpTaskId: null,
      createdBy: userId,
    });
    if (low.length) {
      const said = (lang: 'fr' | 'en') => low.map((a) => `${QUESTION_LABELS[a.question][lang]} ${a.score}/10`).join(', ');
      const task = await raiseTask(
        trx,
        {
          kind: 'satisfaction-follow-up',
          dedupeKey: `satisfaction:${interviewId}`,
          customerId,
          title: { fr: `Rappeler ${customer.name} : satisfaction basse`, en: `Call ${customer.name} back: low satisfaction` },
          reason: {
            fr: `${said('fr')}${input.comment ? ` — « ${input.comment.trim().slice(0, 200)} »` : ''}`,
            en: `${said('en')}${input.comment ? ` — "${input.comment.trim().slice(0, 200)}"` : ''}`,
          },
          priority: 1,
          dueDate: parisNow(now).date,
          estimatedMinutes: 15,
          assigneeId: managerId,
          complaintId: input.complaintId ?? null,
        },
        now,
      );
      await setFollowUpTask(trx, interviewId, task.id);
    }
    await recordAudits(trx, [
      auditRow({
        entityType: 'satisfaction_interview',
        entityId: interviewId,
        action: 'record',
        userId,
        after: { customerId, answers: input.answers, complaintId: input.complaintId ?? null },
        note: input.comment?.trim() ?? null,
        at,
      }),
    ]);
    return interviewId;
  });
  return toInterview(await findInterviewRow(db, id));
}
