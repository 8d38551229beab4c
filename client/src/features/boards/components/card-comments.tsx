import { subject } from '@casl/ability';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useAddComment, useComments } from '../hooks/use-board';

export function CardComments({ workspace, cardId }: { workspace: WorkspaceDto; cardId: string }) {
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
