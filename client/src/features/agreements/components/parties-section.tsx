import { Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTY_ROLES, type AgreementDto, type PartyDto, type PartyRole } from '@enlace/shared';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { Dialog } from '../../../ui/dialog';
import { ErrorAlert } from '../../../ui/error-alert';
import { toastSuccess } from '../../../ui/toast';
import { useOrganizations } from '../../organizations/hooks/use-organizations';
import { useMembers } from '../../workspaces/hooks/use-members';
import { restartKey, useAddParty, useRemoveParty, useUpdateParty } from '../hooks/use-agreement';
import { useFormat } from '../use-format';
import { DialogForm } from './dialog-form';
import { Section } from './section';
import { TableScroll } from './table-scroll';

/** The organisations party to the agreement, with their role, contact and signature. */
export function PartiesSection({ agreement, canEdit }: { agreement: AgreementDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const members = useMembers(agreement.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<PartyDto | null>(null);
  const [removing, setRemoving] = useState<PartyDto | null>(null);
  const remove = useRemoveParty(agreement.id);
  const contactOf = (userId: string | null) => members.data?.items.find((member) => member.userId === userId);
  return (
    <Section title={t('agreements.parties.heading')} actions={canEdit && <Button onClick={() => setAdding(true)}>{t('agreements.parties.add')}</Button>}>
      {agreement.parties.length === 0 ? (
        <Text c="dimmed">{t('agreements.parties.empty')}</Text>
      ) : (
        <TableScroll label={t('agreements.parties.heading')} minWidth={canEdit ? 600 : 480}>
          <Table aria-label={t('agreements.parties.heading')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('agreements.parties.organization')}</Table.Th>
                <Table.Th scope="col">{t('agreements.parties.role')}</Table.Th>
                <Table.Th scope="col">{t('agreements.parties.contact')}</Table.Th>
                <Table.Th scope="col">{t('agreements.fields.signedOn')}</Table.Th>
                {canEdit && <Table.Th scope="col">{t('agreementEditing.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreement.parties.map((party) => {
                const contact = contactOf(party.contactUserId);
                return (
                  <Table.Tr key={party.organizationId}>
                    <Table.Th scope="row">{party.organizationName}</Table.Th>
                    <Table.Td>{t(`agreements.partyRoles.${party.role}`)}</Table.Td>
                    <Table.Td>{contact ? `${contact.displayName} (${contact.email})` : t('agreements.notSet')}</Table.Td>
                    <Table.Td>{party.signedOn ? format.day(party.signedOn) : t('agreements.notSet')}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button variant="subtle" size="compact-sm" onClick={() => setEditing(party)} aria-label={t('agreementEditing.editPartyNamed', { name: party.organizationName })}>
                            {t('agreementEditing.edit')}
                          </Button>
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            onClick={() => {
                              remove.reset();
                              setRemoving(party);
                            }}
                            aria-label={t('agreementEditing.removePartyNamed', { name: party.organizationName })}
                          >
                            {t('agreementEditing.remove')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Dialog open={adding} onClose={() => setAdding(false)} title={t('agreements.parties.add')} size="md">
        <AddPartyForm agreement={agreement} onDone={() => setAdding(false)} />
      </Dialog>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing ? t('agreementEditing.editPartyNamed', { name: editing.organizationName }) : ''} size="md">
        {editing && <EditPartyDialogBody agreement={agreement} organizationId={editing.organizationId} onDone={() => setEditing(null)} />}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('agreementEditing.removePartyNamed', { name: removing.organizationName }) : ''}
        confirmLabel={t('agreementEditing.remove')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.organizationId, {
            onSuccess: () => {
              toastSuccess(t('agreementEditing.partyRemoved', { name: removing.organizationName }));
              setRemoving(null);
            },
          })
        }
        onClose={() => setRemoving(null)}
      >
        <Text size="sm">{t('agreementEditing.removePartyExplanation')}</Text>
      </ConfirmDialog>
    </Section>
  );
}

function AddPartyForm({ agreement, onDone }: { agreement: AgreementDto; onDone: () => void }) {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const add = useAddParty(agreement.id);
  const candidates = (organizations.data ?? []).filter((organization) => !agreement.parties.some((party) => party.organizationId === organization.id));
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<PartyRole>('signatory');
  const [contactUserId, setContactUserId] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const onSubmit = () => {
    setSubmitted(true);
    if (!organizationId) return;
    add.mutate(
      { organizationId, role, contactUserId: contactUserId || null, signedOn: signedOn || null },
      {
        onSuccess: (party) => {
          toastSuccess(t('agreements.parties.added', { name: party.organizationName }));
          onDone();
        },
      },
    );
  };

  return (
    <DialogForm onSubmit={onSubmit} error={add.error} pending={add.isPending} submit={t('agreements.parties.submit')} onCancel={onDone}>
      {organizations.isError && <ErrorAlert error={organizations.error} />}
      <NativeSelect
        label={t('agreements.parties.organization')}
        required
        value={organizationId}
        error={submitted && !organizationId ? t('agreements.parties.organizationRequired') : undefined}
        onChange={(event) => {
          setOrganizationId(event.currentTarget.value);
          setContactUserId('');
        }}
        data={[{ value: '', label: organizations.isPending ? t('app.loading') : t('agreements.parties.choose') }, ...candidates.map((organization) => ({ value: organization.id, label: organization.name }))]}
      />
      <PartyTerms agreementId={agreement.id} organizationId={organizationId} role={[role, setRole]} contact={[contactUserId, setContactUserId]} signedOn={[signedOn, setSignedOn]} />
    </DialogForm>
  );
}

/** The party's current state from the cached agreement: after a 409 the form restarts from the server's. */
function EditPartyDialogBody({ agreement, organizationId, onDone }: { agreement: AgreementDto; organizationId: string; onDone: () => void }) {
  const update = useUpdateParty(agreement.id, organizationId);
  const party = agreement.parties.find((item) => item.organizationId === organizationId);
  if (!party) return null;
  return <EditPartyForm key={restartKey(update)} agreement={agreement} party={party} update={update} onDone={onDone} />;
}

interface EditPartyFormProps {
  agreement: AgreementDto;
  party: PartyDto;
  update: ReturnType<typeof useUpdateParty>;
  onDone: () => void;
}

/** A party's role, contact (one of its people already in the workspace) and signature date. */
function EditPartyForm({ agreement, party, update, onDone }: EditPartyFormProps) {
  const { t } = useTranslation();
  // The version the edit started from: a newer one arriving live makes saving a conflict, not an overwrite.
  const [base] = useState(party);
  const [role, setRole] = useState<PartyRole>(party.role);
  const [contactUserId, setContactUserId] = useState(party.contactUserId ?? '');
  const [signedOn, setSignedOn] = useState(party.signedOn ?? '');

  const onSubmit = () =>
    update.mutate(
      { version: base.version, role, contactUserId: contactUserId || null, signedOn: signedOn || null },
      {
        onSuccess: (saved) => {
          toastSuccess(t('agreementEditing.partySaved', { name: saved.organizationName }));
          onDone();
        },
      },
    );

  return (
    <DialogForm onSubmit={onSubmit} error={update.error} pending={update.isPending} submit={t('agreementEditing.save')} onCancel={onDone}>
      <PartyTerms agreementId={agreement.id} organizationId={party.organizationId} role={[role, setRole]} contact={[contactUserId, setContactUserId]} signedOn={[signedOn, setSignedOn]} />
    </DialogForm>
  );
}

type Field<T> = [T, (value: T) => void];

/** A party's role, contact and signature date, as adding and editing a party both ask them. */
function PartyTerms({ agreementId, organizationId, role, contact, signedOn }: { agreementId: string; organizationId: string; role: Field<PartyRole>; contact: Field<string>; signedOn: Field<string> }) {
  const { t } = useTranslation();
  const members = useMembers(agreementId);
  // The contact is one of the organisation's people already in this workspace (adding a party invites nobody).
  const contacts = (members.data?.items ?? []).filter((member) => member.organizationId === organizationId);
  return (
    <>
      <NativeSelect
        label={t('agreements.parties.role')}
        value={role[0]}
        onChange={(event) => role[1](event.currentTarget.value as PartyRole)}
        data={PARTY_ROLES.map((value) => ({ value, label: t(`agreements.partyRoles.${value}`) }))}
      />
      <NativeSelect
        label={t('agreements.parties.contact')}
        description={t('agreements.parties.contactHint')}
        value={contact[0]}
        onChange={(event) => contact[1](event.currentTarget.value)}
        data={[{ value: '', label: t('agreements.notSet') }, ...contacts.map((member) => ({ value: member.userId, label: member.displayName }))]}
      />
      <TextInput type="date" label={t('agreements.fields.signedOn')} value={signedOn[0]} onChange={(event) => signedOn[1](event.currentTarget.value)} />
    </>
  );
}
