import { subject } from '@casl/ability';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type CardDto, type ChecklistItem, type Priority, type UpdateCardInput, type WorkspaceDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { Modal } from '../../../ui/modal';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { isVersionConflict, useAddComment, useComments, useUpdateCard } from '../hooks/use-board';

interface Draft {
  title: string;
  description: string;
  priority: Priority;
  dueDate: string;
  checklist: ChecklistItem[];
}

const draftOf = (card: CardDto): Draft => ({
  title: card.title,
  description: card.description,
  priority: card.priority,
  dueDate: card.dueDate ?? '',
  checklist: card.checklist,
});

export function CardDialog({ workspace, card, canEdit, onClose }: { workspace: WorkspaceDto; card: CardDto; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Modal open onClose={onClose} labelledBy={titleId} className="card-dialog">
      <div className="modal-header">
        <h2 id={titleId}>
          <span className="visually-hidden">{t('board.card.dialogLabel')}: </span>
          {card.title}
        </h2>
        <button type="button" className="button button-outline button-small" onClick={onClose}>
          {t('board.card.close')}
        </button>
      </div>
      <CardForm card={card} canEdit={canEdit} onClose={onClose} />
      <Comments workspace={workspace} cardId={card.id} />
    </Modal>
  );
}

function CardForm({ card, canEdit, onClose }: { card: CardDto; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCard();
  // The version the draft was started from: saving on top of a newer one is a conflict, not an overwrite.
  const [base, setBase] = useState(card);
  const [draft, setDraft] = useState<Draft>(() => draftOf(card));
  const [newItem, setNewItem] = useState('');
  const [saved, setSaved] = useState(false);
  const ids = { title: useId(), description: useId(), priority: useId(), due: useId(), newItem: useId(), checklist: useId() };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const save = (input: Omit<UpdateCardInput, 'version'>, after?: () => void) =>
    update.mutate(
      { cardId: card.id, input: { version: base.version, ...input } },
      {
        onSuccess: (next) => {
          setBase(next);
          setDraft(draftOf(next));
          setSaved(true);
          after?.();
        },
        onError: (error) => {
          if (isVersionConflict(error) && card) {
            const current = (error as { details?: { current?: CardDto } }).details?.current;
            if (current) {
              setBase(current);
              setDraft(draftOf(current));
            }
          }
        },
      },
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!draft.title.trim()) return;
    save({
      title: draft.title.trim(),
      description: draft.description,
      priority: draft.priority,
      dueDate: draft.dueDate || null,
      checklist: draft.checklist,
    });
  };

  const addItem = () => {
    const text = newItem.trim();
    if (!text) return;
    set('checklist', [...draft.checklist, { id: crypto.randomUUID(), text, done: false }]);
    setNewItem('');
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {update.isError &&
        (isVersionConflict(update.error) ? (
          <p role="alert" className="alert alert-error">
            {t('board.conflict')}
          </p>
        ) : (
          <ErrorAlert error={update.error} />
        ))}
      <div className="field">
        <label htmlFor={ids.title}>{t('board.card.title')}</label>
        <input id={ids.title} value={draft.title} maxLength={300} readOnly={!canEdit} onChange={(event) => set('title', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.description}>{t('board.card.description')}</label>
        <textarea id={ids.description} rows={4} value={draft.description} readOnly={!canEdit} onChange={(event) => set('description', event.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.priority}>{t('board.card.priority')}</label>
          <select id={ids.priority} value={draft.priority} disabled={!canEdit} onChange={(event) => set('priority', event.target.value as Priority)}>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(`board.priorities.${priority}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.due}>{t('board.card.dueDate')}</label>
          <input id={ids.due} type="date" value={draft.dueDate} readOnly={!canEdit} onChange={(event) => set('dueDate', event.target.value)} />
        </div>
      </div>
      <fieldset className="checklist">
        <legend>{t('board.card.checklist')}</legend>
        <ul>
          {draft.checklist.map((item) => (
            <li key={item.id}>
              <label>
                <input
                  type="checkbox"
                  checked={item.done}
                  disabled={!canEdit}
                  onChange={(event) =>
                    set(
                      'checklist',
                      draft.checklist.map((entry) => (entry.id === item.id ? { ...entry, done: event.target.checked } : entry)),
                    )
                  }
                />{' '}
                {item.text}
              </label>
              {canEdit && (
                <button
                  type="button"
                  className="button button-link small"
                  aria-label={t('board.card.removeItem', { text: item.text })}
                  onClick={() => set('checklist', draft.checklist.filter((entry) => entry.id !== item.id))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {canEdit && (
          <div className="inline-form">
            <label htmlFor={ids.newItem} className="visually-hidden">
              {t('board.card.newItem')}
            </label>
            <input
              id={ids.newItem}
              value={newItem}
              maxLength={500}
              placeholder={t('board.card.newItem')}
              onChange={(event) => setNewItem(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addItem();
                }
              }}
            />
            <button type="button" className="button button-outline button-small" onClick={addItem}>
              {t('board.card.addItem')}
            </button>
          </div>
        )}
      </fieldset>
      {canEdit && (
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? t('board.card.saving') : t('board.card.save')}
          </button>
          <button type="button" className="button button-outline" disabled={update.isPending} onClick={() => save({ archived: true }, onClose)}>
            {t('board.card.archive')}
          </button>
          <span role="status" className="small">
            {saved ? t('board.card.saved') : ''}
          </span>
        </div>
      )}
    </form>
  );
}

function Comments({ workspace, cardId }: { workspace: WorkspaceDto; cardId: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const ability = useWorkspaceAbility(workspace);
  const comments = useComments(cardId);
  const add = useAddComment(cardId);
  const [body, setBody] = useState('');
  const canComment = ability.can('create', subject('Comment', { workspaceId: workspace.id }));
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate(body.trim(), { onSuccess: () => setBody('') });
  };

  return (
    <section aria-labelledby={headingId} className="comments">
      <h3 id={headingId}>{t('board.card.comments')}</h3>
      {comments.isError && <ErrorAlert error={comments.error} />}
      {comments.data &&
        (comments.data.items.length === 0 ? (
          <p className="muted">{t('board.card.noComments')}</p>
        ) : (
          <ul className="comment-list">
            {comments.data.items.map((comment) => (
              <li key={comment.id}>
                <p className="small muted">{format.format(new Date(comment.createdAt))}</p>
                <p>{comment.body}</p>
              </li>
            ))}
          </ul>
        ))}
      {canComment && (
        <form className="form" onSubmit={onSubmit}>
          {add.isError && <ErrorAlert error={add.error} />}
          <div className="field">
            <label htmlFor={inputId}>{t('board.card.newComment')}</label>
            <textarea id={inputId} rows={2} value={body} onChange={(event) => setBody(event.target.value)} />
          </div>
          <div>
            <button type="submit" className="button button-primary button-small" disabled={add.isPending || !body.trim()}>
              {t('board.card.addComment')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
