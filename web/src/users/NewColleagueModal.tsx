import { Modal, Select, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF, type Role } from '../../../core/auth/roles.ts';
import type { UserAccount } from '../../../core/auth/users.schemas.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { useSubmit } from '../shared/use-submit.ts';
import { USERS_KEY } from './use-users.ts';
import { NameEmailFields } from './NameEmailFields.tsx';

/** A colleague's account: she chooses her password from the link Carnet emails her. */
export function NewColleagueModal({ onClose, onCreated }: { onClose: () => void; onCreated: (account: UserAccount) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('assistant');
  const form = useSubmit(
    () => api.post<UserAccount>('/api/users', { name: name.trim(), email: email.trim(), role }),
    (account) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onCreated(account);
    },
  );
  return (
    <Modal opened onClose={onClose} title={t('users.new')}>
      <form onSubmit={form.handleSubmit} noValidate data-testid="new-colleague">
        <Stack gap="sm">
          <ErrorAlert error={form.generalError} />
          <NameEmailFields name={name} email={email} errors={form.errors} onName={setName} onEmail={setEmail} />
          <Select
            label={t('users.role')}
            required
            allowDeselect={false}
            data={STAFF.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            error={form.errors.role}
            onChange={(value) => value && setRole(value as Role)}
          />
          <FormActions busy={form.busy} onCancel={onClose} submitLabel={t('users.createAndSend')} />
        </Stack>
      </form>
    </Modal>
  );
}
