import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccountSummary } from '../features/account/components/account-summary';
import { PasswordSection } from '../features/account/components/password-section';
import { SessionsSection } from '../features/account/components/sessions-section';
import { TwoFactorSection } from '../features/account/components/two-factor-section';
import { useMe } from '../features/account/hooks/use-me';
import { useDocumentTitle } from '../i18n/use-document-title';
import { LanguageSwitcher } from '../i18n/language-switcher';
import { Panel } from '../ui/panel';
import { QueryState } from '../ui/query-state';

/**
 * The person's account: who they are and their organisation, language, and sign-in security (two-factor,
 * password, sessions). An account that must set up two-factor sees only that part.
 */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('account.title'));

  return (
    <QueryState query={me}>
      {(data) => (
        <Stack gap="lg">
          <Title order={1} size="h2">
            {t('account.title')}
          </Title>
          <TwoFactorSection enabled={data.twoFactorEnabled} required={data.mustEnrolTwoFactor} />
          {!data.mustEnrolTwoFactor && (
            <>
              <AccountSummary me={data} title={t('shell.accountDetails')} />
              <Panel title={t('language.label')}>
                <LanguageSwitcher field />
              </Panel>
              <PasswordSection />
              <SessionsSection />
            </>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
