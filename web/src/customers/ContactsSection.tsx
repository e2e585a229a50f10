import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../core/customers/customer.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { blankToNull } from '../shared/form-values.ts';
import { DeleteButton } from '../shared/DeleteButton.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { useDelete } from '../shared/use-delete.ts';
import { useSubmit } from '../shared/use-submit.ts';

const FIELDS = ['name', 'role', 'phone', 'email', 'preferredHours'] as const;
type ContactValues = Record<(typeof FIELDS)[number], string>;

export function ContactsSection({
  customerId,
  contacts,
  editable,
}: {
  customerId: number;
  contacts: readonly Contact[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const deletion = useDelete(() => queryClient.invalidateQueries({ queryKey: ['customers', customerId] }));

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('customers.contacts')}</Title>
        {editable && (
          <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            {t('common.add')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={deletion.error} />
      <Table data-testid="contacts">
        <Table.Thead>
          <Table.Tr>
            {FIELDS.map((f) => (
              <Table.Th key={f}>{t(`contacts.${f}`)}</Table.Th>
            ))}
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td fw={500}>
                {editable ? (
                  <Anchor component="button" type="button" size="sm" onClick={() => setEditing(c)}>
                    {c.name}
                  </Anchor>
                ) : (
                  c.name
                )}
              </Table.Td>
              <Table.Td>{c.role ?? ''}</Table.Td>
              <Table.Td>{c.phone && <Anchor href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</Anchor>}</Table.Td>
              <Table.Td>{c.email && <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>}</Table.Td>
              <Table.Td>{c.preferredHours ?? ''}</Table.Td>
              <Table.Td>{editable && <DeleteButton onClick={() => void deletion.remove(`/api/contacts/${c.id}`)} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <ContactModal customerId={customerId} contact={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function ContactModal({ customerId, contact, onClose }: { customerId: number; contact: Contact | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ContactValues>(() => ({
    name: contact?.name ?? '',
    role: contact?.role ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    preferredHours: contact?.preferredHours ?? '',
  }));
  const body = () => ({
    name: values.name.trim(),
    role: blankToNull(values.role),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
    preferredHours: blankToNull(values.preferredHours),
  });
  const form = useSubmit(
    () =>
      contact
        ? api.put<Contact>(`/api/contacts/${contact.id}`, body())
        : api.post<Contact>(`/api/customers/${customerId}/contacts`, body()),
    () => {
      void queryClient.invalidateQueries({ queryKey: ['customers', customerId] });
      onClose();
    },
  );
  return (
    <Modal opened onClose={onClose} title={contact ? contact.name : t('contacts.new')}>
      <form onSubmit={form.handleSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={form.generalError} />
          <SimpleGrid cols={2} spacing="sm">
            {FIELDS.map((f) => (
              <TextInput
                key={f}
                label={t(`contacts.${f}`)}
                required={f === 'name'}
                data-autofocus={f === 'name' || undefined}
                value={values[f]}
                error={form.errors[f]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setValues((v) => ({ ...v, [f]: value }));
                }}
              />
            ))}
          </SimpleGrid>
          <FormActions busy={form.busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
