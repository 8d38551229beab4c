import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateUserSchema, ORG_ROLES, PASSWORD_MIN_LENGTH, type OrgRole } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
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
  const ids = { heading: useId(), displayName: useId(), email: useId(), password: useId(), passwordHint: useId(), role: useId(), error: useId() };

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

  const input = (field: Field, label: string, props: { type: string; autoComplete: string; hint?: string }) => (
    <div className="field">
      <label htmlFor={ids[field]}>{label}</label>
      <input
        ref={refs[field]}
        id={ids[field]}
        type={props.type}
        autoComplete={props.autoComplete}
        spellCheck={false}
        value={values[field]}
        onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
        aria-invalid={invalid.includes(field) || undefined}
        aria-describedby={[invalid.includes(field) ? ids.error : '', props.hint ?? ''].filter(Boolean).join(' ') || undefined}
      />
    </div>
  );

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('people.create.heading')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        {invalid.length > 0 && (
          <div id={ids.error} role="alert" className="form-error">
            {invalid.map((field) => (
              <p key={field}>{messages[field]}</p>
            ))}
          </div>
        )}
        {create.isError && <ErrorAlert error={create.error} />}
        <p role="status" className={created ? 'alert alert-info' : 'visually-hidden'}>
          {created}
        </p>
        {input('displayName', t('people.create.name'), { type: 'text', autoComplete: 'off' })}
        {input('email', t('people.create.email'), { type: 'email', autoComplete: 'off' })}
        {input('password', t('people.create.password', { min: PASSWORD_MIN_LENGTH }), { type: 'password', autoComplete: 'new-password', hint: ids.passwordHint })}
        <p id={ids.passwordHint} className="muted small">
          {t('people.create.passwordHint')}
        </p>
        <div className="field">
          <label htmlFor={ids.role}>{t('people.create.role')}</label>
          <select id={ids.role} value={orgRole} onChange={(event) => setOrgRole(event.target.value as OrgRole)}>
            {ORG_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(role === 'org_admin' ? 'roles.orgAdmin' : 'roles.member')}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? t('people.create.working') : t('people.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
