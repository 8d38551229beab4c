import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../i18n/use-document-title';

/** Shown instead of a blank screen when rendering a route throws (outside the shell, which may be what broke). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('pages.routeError.title'));
  return (
    <Container component="main" id="main-content" size="sm" py="xl">
      <Stack role="alert" gap="sm" align="flex-start">
        <Title order={1} size="h2">
          {t('pages.routeError.title')}
        </Title>
        <Text>{t('pages.routeError.body')}</Text>
        <Button onClick={() => window.location.reload()}>{t('pages.routeError.reload')}</Button>
      </Stack>
    </Container>
  );
}
