import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { toastSuccess } from '../../../ui/toast';
import { formatMoment } from '../../../i18n/format';
import { useDecideJoinRequest, useJoinRequests } from '../hooks/use-affiliation';

/**
 * The people who, accepting an invitation, said they belong to this organisation: its administrators confirm
 * them (they then show as its members everywhere) or refuse.
 */
export function JoinRequestsPanel({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const { t, i18n } = useTranslation();
  const requests = useJoinRequests(organizationId);
  const decide = useDecideJoinRequest(organizationId);
  const language = i18n.resolvedLanguage ?? i18n.language;

  return (
    <Panel title={t('affiliation.requestsHeading', { organization: organizationName })}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('affiliation.requestsIntro')}
      </Text>
      {decide.isError && <ErrorAlert error={decide.error} />}
      <QueryState query={requests} isEmpty={(page) => page.items.length === 0} empty={t('affiliation.requestsEmpty')}>
        {(page) => (
          <Stack component="ul" gap="sm" className="plain-list">
            {page.items.map((request) => (
              <li key={request.id}>
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <div>
                    <Text fw={600}>{request.displayName}</Text>
                    <Text size="sm">{request.email}</Text>
                    <Text size="sm" c="dimmed">
                      {t('affiliation.requested', { when: formatMoment(request.createdAt, language) })}
                    </Text>
                  </div>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      disabled={decide.isPending}
                      aria-label={t('affiliation.approveNamed', { name: request.displayName })}
                      onClick={() =>
                        decide.mutate(
                          { requestId: request.id, approve: true },
                          { onSuccess: () => toastSuccess(t('affiliation.approved', { name: request.displayName, organization: organizationName })) },
                        )
                      }
                    >
                      {t('affiliation.approve')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      disabled={decide.isPending}
                      aria-label={t('affiliation.rejectNamed', { name: request.displayName })}
                      onClick={() =>
                        decide.mutate({ requestId: request.id, approve: false }, { onSuccess: () => toastSuccess(t('affiliation.rejected', { name: request.displayName })) })
                      }
                    >
                      {t('affiliation.reject')}
                    </Button>
                  </Group>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </QueryState>
    </Panel>
  );
}
