import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../core/auth/users.schemas.ts';
import { nowInstant } from '../shared/clock.ts';
import { useFormat } from '../shared/use-format.ts';
import { accountState } from './account-state.ts';

const COLORS = { active: 'green', deactivated: 'gray', locked: 'orange', invited: 'blue', invitationExpired: 'red' } as const;

export function AccountStateBadge({ account }: { account: UserAccount }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const state = accountState(account, nowInstant());
  return (
    // A table squeezes a badge to its ellipsis: the state is read whole.
    <Badge variant="light" color={COLORS[state.kind]} tt="none" style={{ minWidth: 'max-content' }}>
      {state.kind === 'locked' || state.kind === 'invited'
        ? t(`users.state.${state.kind}`, { until: fmt.dateTime(state.until) })
        : t(`users.state.${state.kind}`)}
    </Badge>
  );
}
