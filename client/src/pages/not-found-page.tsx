import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../i18n/use-document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('pages.notFound.title'));
  return (
    <Stack gap="sm" py="xl">
      <Title order={1} size="h2">
        {t('pages.notFound.title')}
      </Title>
      <Text>{t('pages.notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('pages.notFound.home')}
      </Anchor>
    </Stack>
  );
}
