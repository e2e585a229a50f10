import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_APPROVERS } from '../../../core/auth/roles.ts';
import type { PriceAnswer as Answer } from '../../../core/edi/edi.schemas.ts';
import { useAuth } from '../app/auth.tsx';
import { useFormat } from '../shared/use-format.ts';

/** The figures of a price-mismatch finding (core/terms/checks/price-mismatch.ts) the answer needs. */
export type PriceMismatchData = {
  expectedUnitPriceCents: number;
  ourUnitPriceCents: number;
  concessionCents: number;
  managerDecides: boolean;
};

export function priceMismatchData(data: unknown): PriceMismatchData | null {
  const d = (data ?? {}) as Partial<PriceMismatchData>;
  if (typeof d.expectedUnitPriceCents !== 'number' || typeof d.ourUnitPriceCents !== 'number') return null;
  return {
    expectedUnitPriceCents: d.expectedUnitPriceCents,
    ourUnitPriceCents: d.ourUnitPriceCents,
    concessionCents: d.concessionCents ?? 0,
    managerDecides: d.managerDecides ?? false,
  };
}

/**
 * The customer's price differs from ours (EDI PRI): two answers, each confirmed with what is at stake. His: the
 * line is invoiced at it (what it gives away is said; above the terms' threshold only a manager may). Ours: it
 * stands, and the ORDRSP tells him.
 */
export function PriceAnswerButtons({
  data,
  busy,
  onAnswer,
  testId,
}: {
  data: PriceMismatchData;
  busy: boolean;
  onAnswer: (answer: Answer) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user } = useAuth();
  const [asking, setAsking] = useState<Answer | null>(null);
  const managerOnly = data.managerDecides && !(user && ORDER_APPROVERS.includes(user.role));
  const prices = { theirs: fmt.money(data.expectedUnitPriceCents), ours: fmt.money(data.ourUnitPriceCents) };
  return (
    <>
      <Group gap={4} justify="flex-end" wrap="nowrap">
        <Button
          size="compact-xs"
          variant="subtle"
          color="orange"
          disabled={managerOnly}
          title={managerOnly ? t('priceAnswer.managerDecides') : undefined}
          loading={busy && asking === 'theirs'}
          onClick={() => setAsking('theirs')}
          data-testid={`${testId}-theirs`}
        >
          {t('priceAnswer.theirs')}
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          loading={busy && asking === 'ours'}
          onClick={() => setAsking('ours')}
          data-testid={`${testId}-ours`}
        >
          {t('priceAnswer.ours')}
        </Button>
      </Group>
      {managerOnly && (
        <Text size="xs" c="dimmed" ta="right" data-testid={`${testId}-manager`}>
          {t('priceAnswer.managerDecides')}
        </Text>
      )}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking === 'theirs' ? t('priceAnswer.theirsTitle') : t('priceAnswer.oursTitle')}
      >
        <Stack gap="sm" data-testid={`${testId}-confirm`}>
          {asking === 'theirs' ? (
            <>
              <Text size="sm">{t('priceAnswer.theirsText', prices)}</Text>
              {data.concessionCents > 0 && (
                <Alert color="orange" p="xs">
                  {t('priceAnswer.atStake', { amount: fmt.money(data.concessionCents) })}
                </Alert>
              )}
            </>
          ) : (
            <Text size="sm">{t('priceAnswer.oursText', prices)}</Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              data-autofocus
              loading={busy}
              onClick={() => {
                if (asking) onAnswer(asking);
                setAsking(null);
              }}
              data-testid={`${testId}-confirm-button`}
            >
              {asking === 'theirs' ? t('priceAnswer.theirs') : t('priceAnswer.ours')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
