import { subject } from '@casl/ability';
import { Button, Stack, Textarea } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentDto, WorkspaceDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { useMembers } from '../../workspaces/hooks/use-members';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { formatMoment, formatRelative } from '../../../i18n/format';
import { useAddComment, useComments } from '../hooks/use-board';
import { Markdown } from '../../../ui/markdown';

export function CardComments({ workspace, cardId }: { workspace: WorkspaceDto; cardId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const ability = useWorkspaceAbility(workspace);
  const comments = useComments(cardId);
  const add = useAddComment(cardId);
  const [body, setBody] = useState('');
  const canComment = ability.can('create', subject('Comment', { workspaceId: workspace.id }));

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
              <Comment key={comment.id} workspaceId={workspace.id} comment={comment} />
            ))}
          </ul>
        ))}
      {canComment && (
        <form onSubmit={onSubmit}>
          <Stack gap="sm">
            {add.isError && <ErrorAlert error={add.error} />}
            <Textarea label={t('board.card.newComment')} autosize minRows={2} value={body} onChange={(event) => setBody(event.currentTarget.value)} />
            <div>
              <Button type="submit" size="xs" disabled={add.isPending || !body.trim()}>
                {t('board.card.addComment')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </section>
  );
}

/** Who wrote it, for which organisation, how long ago (the exact moment on hover), and the text as Markdown. */
function Comment({ workspaceId, comment }: { workspaceId: string; comment: CommentDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const author = useMembers(workspaceId).data?.items.find((member) => member.userId === comment.authorId);
  return (
    <li>
      <p className="comment-byline small">
        <strong>{author?.displayName ?? t('boardUi.comments.formerMember')}</strong>
        {author && <span className="muted"> · {author.organizationName ?? t('boardUi.comments.noOrganization')}</span>}
        <span className="muted">
          {' · '}
          <time dateTime={comment.createdAt} title={formatMoment(comment.createdAt, language)}>
            {formatRelative(comment.createdAt, language)}
          </time>
        </span>
      </p>
      <Markdown text={comment.body} />
    </li>
  );
}
