import type { TFunction } from 'i18next';
import type { TimelineEntry } from '../../../core/customers/timeline.schemas.ts';
import type { Formatter } from '../shared/format.ts';

/** An entry in words: what happened (the link's text) and, dimmed after it, what else is worth knowing. */
export function entryText(entry: TimelineEntry, t: TFunction, fmt: Formatter): { main: string; more: string | null } {
  const p = entry.params;
  const str = (key: string) => String(p[key] ?? '');
  const num = (key: string) => Number(p[key] ?? 0);
  const join = (...parts: (string | null | false)[]) => parts.filter(Boolean).join(' · ') || null;
  const mood = p.mood ? t('story.timeline.mood', { mood: t(`complaints.moods.${str('mood')}`) }) : null;
  switch (entry.kind) {
    case 'order':
      return {
        main: t(`story.timeline.orderActions.${str('action')}`, { number: str('number'), amount: fmt.money(num('grossCents')) }),
        more: null,
      };
    case 'delivery-shipped':
      return { main: t('story.timeline.shipped', { number: str('number'), order: str('orderNumber') }), more: null };
    case 'delivery-delivered':
      return {
        main: t('story.timeline.delivered', { number: str('number'), order: str('orderNumber') }),
        more: num('shortLines') > 0 ? t('story.timeline.shortLines', { count: num('shortLines') }) : null,
      };
    case 'complaint':
      return {
        main: t('story.timeline.complaint', {
          number: str('number'),
          reason: t(`complaints.reasons.${str('reason')}`),
          status: t(`complaints.statuses.${str('status')}`),
        }),
        more: mood,
      };
    case 'risk-detected':
      return { main: t('story.timeline.riskDetected', { order: str('orderNumber'), cause: t(`risks.cause.${str('cause')}`) }), more: null };
    case 'risk-resolved':
      return {
        main: p.option
          ? t('story.timeline.riskResolvedWith', { order: str('orderNumber'), option: t(`story.timeline.options.${str('option')}`) })
          : t('story.timeline.riskResolved', { order: str('orderNumber') }),
        more: null,
      };
    case 'note':
      return { main: str('text'), more: join(p.author ? t('story.timeline.by', { name: str('author') }) : null, mood) };
    case 'call':
      return {
        main: t('story.timeline.call', {
          direction: t(`story.timeline.directions.${str('direction')}`),
          purpose: t(`calls.purposes.${str('purpose')}`).toLowerCase(),
          outcome: p.outcome ? t(`calls.outcomes.${str('outcome')}`).toLowerCase() : t('story.timeline.noOutcome'),
        }),
        more: join(
          p.durationSeconds ? t('story.timeline.minutes', { count: Math.max(1, Math.round(num('durationSeconds') / 60)) }) : null,
          p.user ? t('story.timeline.by', { name: str('user') }) : null,
          p.note ? str('note') : null,
        ),
      };
    case 'satisfaction':
      return {
        main:
          p.overall === null
            ? t(p.afterComplaint ? 'story.timeline.satisfactionAfterComplaintNoScore' : 'story.timeline.satisfactionNoScore')
            : t(p.afterComplaint ? 'story.timeline.satisfactionAfterComplaint' : 'story.timeline.satisfaction', { score: num('overall') }),
        more: p.comment ? str('comment') : null,
      };
    case 'edi-problem':
      return {
        main: t('story.timeline.ediProblem', { type: str('type'), document: str('document') || '—' }),
        more: t(`edi.status.${str('status')}`),
      };
  }
}
