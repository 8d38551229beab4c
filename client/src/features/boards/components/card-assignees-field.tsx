import { useId, useState } from 'react';
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
  const filterId = useId();
  const members = useMembers(workspaceId);
  const [filter, setFilter] = useState('');
  const items = members.data?.items ?? [];
  const memberIds = new Set(items.map((member) => member.userId));
  // Assigned before they left the workspace: shown (by role, never by id) so they can be unassigned.
  const former = members.data ? selected.filter((id) => !memberIds.has(id)) : [];

  const body = () => {
    if (members.isPending) return <p className="muted small">{t('app.loading')}</p>;
    if (members.isError) return <ErrorAlert error={members.error} />;

    if (!canEdit) {
      const assigned = items.filter((member) => selected.includes(member.userId));
      if (assigned.length === 0 && former.length === 0) return <p className="muted small">{t('board.card.nobodyAssigned')}</p>;
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
          <div className="field">
            <label htmlFor={filterId} className="visually-hidden">
              {t('board.card.filterMembers')}
            </label>
            <input
              id={filterId}
              type="search"
              value={filter}
              placeholder={t('board.card.filterMembers')}
              onChange={(event) => setFilter(event.target.value)}
              onKeyDown={(event) => {
                // Enter in a filter must not save the card.
                if (event.key === 'Enter') event.preventDefault();
              }}
            />
          </div>
        )}
        {shown.length === 0 && <p className="muted small">{t('board.card.noMatchingMembers')}</p>}
        <ul className="option-list person-options">
          {shown.map((member) => (
            <li key={member.userId}>
              <label className="option">
                <input type="checkbox" checked={selected.includes(member.userId)} onChange={(event) => toggle(member.userId, event.target.checked)} />
                <span className="avatar avatar-small" aria-hidden="true">
                  {initials(member.displayName)}
                </span>
                {member.displayName}
                {member.organizationName && <span className="muted small"> · {member.organizationName}</span>}
              </label>
            </li>
          ))}
          {former.map((id) => (
            <li key={id}>
              <label className="option">
                <input type="checkbox" checked onChange={(event) => toggle(id, event.target.checked)} />
                <span className="muted">{t('board.card.formerMember')}</span>
              </label>
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
