import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateUserSchema, ORG_ROLES, PASSWORD_MIN_LENGTH, type OrgRole } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { StatusMessage } from '../../../ui/status-message';
import { useCreateUser } from '../hooks/use-organization-users';

type Field = 'displayName' | 'email' | 'password';
const FIELDS: readonly Field[] = ['displayName', 'email', 'password'];

/** Creates an account in the organisation, checked with the same schema the server validates with. */
export function CreateAccountForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const create = useCreateUser(organizationId);
  const [values, setValues] = useState<Record<Field, string>>({ displayName: '', email: '', password: '' });
  const [orgRole, setOrgRole] = useState<OrgRole>('member');
  const [invalid, setInvalid] = useState<Field[]>([]);
  const [created, setCreated] = useState('');
  const refs = { displayName: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  const messages: Record<Field, string> = {
    displayName: t('people.create.nameRequired'),
    email: t('people.create.emailInvalid'),
    password: t('people.create.passwordInvalid', { min: PASSWORD_MIN_LENGTH }),
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated('');
    const parsed = CreateUserSchema.safeParse({ ...values, orgRole });
    if (!parsed.success) {
      const wrong = FIELDS.filter((field) => parsed.error.issues.some((issue) => issue.path[0] === field));
      setInvalid(wrong);
      if (wrong[0]) refs[wrong[0]].current?.focus();
      return;
    }
    setInvalid([]);
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        setValues({ displayName: '', email: '', password: '' });
        setOrgRole('member');
        setCreated(t('people.create.done', { name: user.displayName, email: user.email }));
      },
    });
  };

  const input = (field: Field, label: string, props: { type: string; autoComplete: string; description?: string }) => (
    <TextInput
      ref={refs[field]}
      label={label}
      description={props.description}
      type={props.type}
      autoComplete={props.autoComplete}
      spellCheck={false}
      value={values[field]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setValues((current) => ({ ...current, [field]: value }));
      }}
      error={invalid.includes(field) && messages[field]}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );

  return (
    <Panel title={t('people.create.heading')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={560}>
          {create.isError && <ErrorAlert error={create.error} />}
          <StatusMessage>{created}</StatusMessage>
          {input('displayName', t('people.create.name'), { type: 'text', autoComplete: 'off' })}
          {input('email', t('people.create.email'), { type: 'email', autoComplete: 'off' })}
          {input('password', t('people.create.password', { min: PASSWORD_MIN_LENGTH }), {
            type: 'password',
            autoComplete: 'new-password',
            description: t('people.create.passwordHint'),
          })}
          <NativeSelect
            label={t('people.create.role')}
            value={orgRole}
            onChange={(event) => setOrgRole(event.currentTarget.value as OrgRole)}
            data={ORG_ROLES.map((role) => ({ value: role, label: t(role === 'org_admin' ? 'roles.orgAdmin' : 'roles.member') }))}
          />
          <div>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? t('people.create.working') : t('people.create.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Panel>
  );
}
