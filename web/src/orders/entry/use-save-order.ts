import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { OrderDetail } from '../../api/types.ts';
import type { OrderInput } from '../../../../core/orders/orders.schemas.ts';

/** Another way to save what is typed (the intake's draft beside the original): it saves, confirms and moves on itself. */
export type SubmitOrder = (body: OrderInput, mode: 'confirm' | 'draft') => Promise<void>;
import { errorMessage } from '../../shared/error-message.ts';
import { dayRef } from '../../../../core/day/day-item.ts';
import { type BodyProblem, type EntryHeader, type EntryLine, orderBody } from './draft.ts';
import { saveShortcut } from './keys.ts';
import { useWorkTimer } from '../../day/use-work-timer.ts';

/**
 * Saving the typed order: as a draft (Ctrl+S) or saved then confirmed (Ctrl+Enter), from any field; then on to
 * the order's page. What stops the save before it is sent goes to `onInvalid`, which shows the lines at fault.
 * An order the rules say a manager must answer (`needsManager`: a block or an approval) is saved as a draft even
 * on Ctrl+Enter, and she is told it waits for a manager: asking the server to confirm would only be refused.
 * The time from opening the entry to saving the order is timed ('order-entry', the part of an ordering call spent
 * typing the order after it); an order saved another way (`submit`, the intake's) is the intake's work, not timed here.
 */
export function useSaveOrder(
  header: EntryHeader,
  lines: readonly EntryLine[],
  needsManager: boolean,
  onInvalid: (problem: BodyProblem, lineIndexes: number[]) => void,
  submit?: SubmitOrder,
) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useWorkTimer();

  const save = async (mode: 'confirm' | 'draft') => {
    if (saving) return;
    const built = orderBody(header, lines);
    if ('problem' in built) {
      setProblem(t(`entry.problems.${built.problem}`));
      onInvalid(built.problem, built.lineIndexes);
      return;
    }
    setSaving(true);
    setProblem(null);
    if (submit) {
      try {
        // An order a manager must answer is saved as a draft, as below.
        await submit(built.body, mode === 'confirm' && !needsManager ? 'confirm' : 'draft');
      } catch (error) {
        setProblem(errorMessage(error, t));
      } finally {
        setSaving(false);
      }
      return;
    }
    let order: OrderDetail;
    try {
      order = await api.post<OrderDetail>('/api/orders', built.body);
    } catch (error) {
      setSaving(false);
      setProblem(errorMessage(error, t));
      return;
    }
    timer.finish(dayRef('order-entry', order.id));
    if (mode === 'confirm' && needsManager) {
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
      notifications.show({
        color: 'orange',
        title: t('rules.awaitsManager', { number: order.number }),
        message: t('rules.awaitsManagerDetail'),
      });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void navigate(`/orders/${order.id}`);
      return;
    }
    if (mode === 'confirm') {
      try {
        order = await api.post<OrderDetail>(`/api/orders/${order.id}/confirm`);
      } catch (error) {
        // Saved but not confirmed: the draft is kept; its page says why it was refused.
        notifications.show({
          color: 'orange',
          title: t('entry.confirmRefused', { number: order.number }),
          message: errorMessage(error, t),
        });
      }
    }
    void queryClient.invalidateQueries({ queryKey: ['orders'] });
    notifications.show({
      color: 'green',
      message: t(order.status === 'confirmed' ? 'entry.savedConfirmed' : 'entry.savedDraft', { number: order.number }),
    });
    void navigate(`/orders/${order.id}`);
  };

  // The listener is set once; it calls the latest save, which sees the latest lines.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = saveShortcut(event);
      if (!shortcut) return;
      event.preventDefault(); // Ctrl+S must not open the browser's "save page"
      void saveRef.current(shortcut);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return { saving, problem, save };
}
