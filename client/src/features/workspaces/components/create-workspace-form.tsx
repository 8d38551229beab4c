import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { WORKSPACE_KINDS, type WorkspaceKind } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { useCreateWorkspace } from '../hooks/use-workspaces';

export function CreateWorkspaceForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateWorkspace();
  const [kind, setKind] = useState<WorkspaceKind>('coordination');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const ids = { heading: useId(), kind: useId(), title: useId(), description: useId(), error: useId() };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!title.trim()) {
      setMissingTitle(true);
      titleRef.current?.focus();
      return;
    }
    setMissingTitle(false);
    create.mutate(
      { kind, title: title.trim(), ...(description.trim() ? { description: description.trim() } : {}) },
      { onSuccess: (workspace) => void navigate(`/workspaces/${workspace.id}`) },
    );
  };

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('workspaces.create.heading')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        {missingTitle && (
          <p id={ids.error} role="alert" className="form-error">
            {t('workspaces.create.titleRequired')}
          </p>
        )}
        {create.isError && <ErrorAlert error={create.error} />}
        <div className="field">
          <label htmlFor={ids.kind}>{t('workspaces.create.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as WorkspaceKind)}>
            {WORKSPACE_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`workspaces.kinds.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.title}>{t('workspaces.create.title')}</label>
          <input
            ref={titleRef}
            id={ids.title}
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            aria-invalid={missingTitle || undefined}
            aria-describedby={missingTitle ? ids.error : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.description}>{t('workspaces.create.description')}</label>
          <textarea id={ids.description} value={description} rows={3} onChange={(event) => setDescription(event.target.value)} />
        </div>
        <div>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? t('workspaces.create.submitting') : t('workspaces.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
