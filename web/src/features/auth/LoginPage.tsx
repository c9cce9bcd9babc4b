import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { ApiError } from '../../lib/api.ts';
import { useSession } from './session.tsx';

export function LoginPage({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(expired ? t('login.expired') : null);
  const [busy, setBusy] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  // The login screen has one job: put the cursor where the user starts typing.
  useEffect(() => emailInput.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.login(email.trim(), password);
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 401 || caught.code === 'INVALID_CREDENTIALS')) {
        setError(t('login.invalid'));
      } else if (caught instanceof ApiError && caught.status === 429) {
        setError(t('login.tooMany'));
      } else if (caught instanceof ApiError && caught.status === 400) {
        setError(t('login.incomplete'));
      } else {
        setError(t('errors.network'));
      }
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span>Collectdesk</span>
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        <label className="field">
          <span>{t('login.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            ref={emailInput}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy || !email || !password}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        <div className="login-footer">
          <LanguageSwitch />
        </div>
      </form>
    </main>
  );
}
