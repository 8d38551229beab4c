import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeDto } from '@enlace/shared';
import { isLocale, storeLanguage } from '../../../i18n/languages';
import { meQueryKey, updateMe } from '../api/me-api';
import { useMe } from '../hooks/use-me';

/**
 * Keeps the interface language and the account's in step, so that e-mails and notifications, written in the
 * account's language, match what the person reads: at sign-in the app adopts the account's language (an
 * account without one takes the current one), and every later change of language is saved on the account.
 * Renders nothing; mounted once inside the signed-in part of the app.
 */
export function AccountLanguage() {
  const { i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const account = me.data?.user;
  /** The account whose language was adopted in this visit, and the language it has on the server. */
  const synced = useRef<{ userId: string; locale: string | null } | null>(null);
  const save = useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => {
      if (synced.current?.userId === user.id) synced.current.locale = user.locale;
      queryClient.setQueryData<MeDto>(meQueryKey(user.id), (current) => current && { ...current, user });
    },
  });
  const { mutate } = save;

  useEffect(() => {
    if (!account || synced.current?.userId === account.id) return;
    synced.current = { userId: account.id, locale: account.locale };
    const current = i18n.resolvedLanguage ?? i18n.language;
    if (account.locale && account.locale !== current) {
      storeLanguage(account.locale);
      void i18n.changeLanguage(account.locale);
    } else if (!account.locale && isLocale(current)) {
      mutate({ locale: current });
    }
  }, [account, i18n, mutate]);

  useEffect(() => {
    const onChange = (language: string) => {
      if (synced.current && isLocale(language) && language !== synced.current.locale) mutate({ locale: language });
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n, mutate]);

  return null;
}
