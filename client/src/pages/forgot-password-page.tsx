import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForgotPasswordForm } from '../features/auth/components/forgot-password-form';
import { useDocumentTitle } from '../i18n/use-document-title';
import { CardPage } from '../ui/card-page';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forgot.title'));
  return (
    <CardPage title={t('auth.forgot.title')} intro={t('auth.forgot.intro')}>
      <ForgotPasswordForm />
      <Text size="sm" mt="md">
        <Anchor component={Link} to="/login">
          {t('auth.forgot.back')}
        </Anchor>
      </Text>
    </CardPage>
  );
}
