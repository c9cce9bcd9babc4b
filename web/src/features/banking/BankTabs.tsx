import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../../lib/router.tsx';
import '../dunning/dunning.css';

export function BankTabs() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const tabs = [
    { to: '/bank', label: t('bank.tabs.import') },
    { to: '/bank/matching', label: t('bank.tabs.matching') },
  ];
  return (
    <nav className="subnav" aria-label={t('bank.title')}>
      {tabs.map((tab) => (
        <Link key={tab.to} to={tab.to} aria-current={path === tab.to ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
