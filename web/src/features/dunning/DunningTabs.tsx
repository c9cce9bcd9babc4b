import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../../lib/router.tsx';
import './dunning.css';

/** The dunning section's own menu: the daily run, the outbox, the policies. */
export function DunningTabs() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const tabs = [
    { to: '/dunning', label: t('dunning.tabs.run'), active: path === '/dunning' },
    { to: '/dunning/outbox', label: t('dunning.tabs.outbox'), active: path.startsWith('/dunning/outbox') },
    {
      to: '/dunning/policies',
      label: t('dunning.tabs.policies'),
      active: path.startsWith('/dunning/policies'),
    },
  ];
  return (
    <nav className="subnav" aria-label={t('dunning.tabs.label')}>
      {tabs.map((tab) => (
        <Link key={tab.to} to={tab.to} aria-current={tab.active ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

/** Senior collectors and admins change policies and send runs (the server checks it too). */
export const canManageDunning = (role: string) => role === 'admin' || role === 'senior_collector';
