import '@mantine/core/styles/Checkbox.css';
import { Checkbox, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/error-alert';
import { initials } from '../../../ui/initials';
import { useMembers } from '../../workspaces/hooks/use-members';
import { toggleId } from '../card-draft';

/** From this many members on, a filter box narrows the list. */
const FILTER_FROM = 8;

interface CardAssigneesFieldProps {
  workspaceId: string;
  selected: string[];
  canEdit: boolean;
  onChange: (update: (assigneeIds: string[]) => string[]) => void;
}

/** The card's assignees, chosen among the workspace's members by name. */
export function CardAssigneesField({ workspaceId, selected, canEdit, onChange }: CardAssigneesFieldProps) {
  const { t } = useTranslation();
  const members = useMembers(workspaceId);
  const [filter, setFilter] = useState('');
  const items = members.data?.items ?? [];
  const memberIds = new Set(items.map((member) => member.userId));
  // Assigned before they left the workspace: shown (by role, never by id) so they can be unassigned.
  const former = members.data ? selected.filter((id) => !memberIds.has(id)) : [];

  const body = () => {
    if (members.isPending) return <Text size="sm" c="dimmed">{t('app.loading')}</Text>;
    if (members.isError) return <ErrorAlert error={members.error} />;

    if (!canEdit) {
      const assigned = items.filter((member) => selected.includes(member.userId));
      if (assigned.length === 0 && former.length === 0) return <Text size="sm" c="dimmed">{t('board.card.nobodyAssigned')}</Text>;
      return (
        <ul className="person-list">
          {assigned.map((member) => (
            <li key={member.userId}>
              <span className="avatar avatar-small" aria-hidden="true">
                {initials(member.displayName)}
              </span>
              {member.displayName}
            </li>
          ))}
          {former.map((id) => (
            <li key={id} className="muted">
              {t('board.card.formerMember')}
            </li>
          ))}
        </ul>
      );
    }

    const query = filter.trim().toLocaleLowerCase();
    const shown = query ? items.filter((member) => member.displayName.toLocaleLowerCase().includes(query)) : items;
    const toggle = (id: string, on: boolean) => onChange((current) => toggleId(current, id, on));
    return (
      <>
        {items.length >= FILTER_FROM && (
          <TextInput
            type="search"
            aria-label={t('board.card.filterMembers')}
            placeholder={t('board.card.filterMembers')}
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter in a filter must not save the card.
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
        )}
        {shown.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('board.card.noMatchingMembers')}
          </Text>
        )}
        <ul className="option-list person-options">
          {shown.map((member) => (
            <li key={member.userId}>
              <Checkbox
                checked={selected.includes(member.userId)}
                onChange={(event) => toggle(member.userId, event.currentTarget.checked)}
                label={
                  <>
                    <span className="avatar avatar-small" aria-hidden="true">
                      {initials(member.displayName)}
                    </span>
                    {member.displayName}
                    {member.organizationName && <span className="muted small"> · {member.organizationName}</span>}
                  </>
                }
              />
            </li>
          ))}
          {former.map((id) => (
            <li key={id}>
              <Checkbox checked onChange={(event) => toggle(id, event.currentTarget.checked)} label={<span className="muted">{t('board.card.formerMember')}</span>} />
            </li>
          ))}
        </ul>
      </>
    );
  };

  return (
    <fieldset className="card-field-group">
      <legend>{t('board.card.assignees')}</legend>
      {body()}
    </fieldset>
  );
}
