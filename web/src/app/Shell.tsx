import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../features/auth/session.tsx';
import { CALL_REVIEW_PATHS, canReviewCalls } from '../features/call-review/CallReviewTabs.tsx';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const { path } = useLocation();
  const [switching, setSwitching] = useState(false);

  async function changeOrganisation(orgId: string) {
    setSwitching(true);
    try {
      await session.switchOrganisation(orgId);
      // Objects of the previous organisation do not exist in the new one: start at the list.
      navigate('/debtors');
    } finally {
      setSwitching(false);
    }
  }

  const navItems = [
    {
      to: '/debtors',
      label: t('nav.debtors'),
      active: path === '/' || path.startsWith('/debtors') || path.startsWith('/invoices'),
    },
    // The queue is for those who call (collector and up); a viewer would only get "no access".
    ...(me.role === 'viewer'
      ? []
      : [
          {
            to: '/calls',
            label: t('nav.calls'),
            active: path.startsWith('/calls') && !CALL_REVIEW_PATHS.includes(path),
          },
        ]),
    { to: '/dunning', label: t('nav.dunning'), active: path.startsWith('/dunning') },
    { to: '/imports', label: t('nav.imports'), active: path.startsWith('/imports') },
    { to: '/bank', label: t('nav.bank'), active: path.startsWith('/bank') },
    ...(canReviewCalls(me.role)
      ? [
          {
            to: '/calls/evaluations',
            label: t('nav.callReview'),
            active: CALL_REVIEW_PATHS.includes(path),
          },
        ]
      : []),
  ];

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/debtors" className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          Collectdesk
        </Link>
        <nav aria-label={t('shell.mainNav')} className="topnav">
          {navItems.map((item) => (
            <Link key={item.to} to={item.to} aria-current={item.active ? 'page' : undefined}>
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="topbar-right">
          {me.organisations.length > 1 ? (
            <select
              aria-label={t('shell.organisation')}
              value={me.organisation.id}
              disabled={switching}
              onChange={(e) => void changeOrganisation(e.target.value)}
              data-testid="org-switch"
            >
              {me.organisations.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          ) : (
            <span className="org-name">{me.organisation.name}</span>
          )}
          <LanguageSwitch />
          <span className="user" title={me.user.email}>
            {me.user.name}
            <span className="role">{t(`roles.${me.role}`)}</span>
          </span>
          <button type="button" className="button ghost small" onClick={() => void session.logout()}>
            {t('shell.logout')}
          </button>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
