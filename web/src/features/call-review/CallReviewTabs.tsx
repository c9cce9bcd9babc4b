import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { Link, useLocation } from '../../lib/router.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMe } from '../auth/session.tsx';
import './call-review.css';

/** Seniors and admins review calls, edit the scripts and set the call rules (the server checks it too). */
export const canReviewCalls = (role: string) => role === 'admin' || role === 'senior_collector';

/** The routes of this section, for the main menu. */
export const CALL_REVIEW_PATHS = ['/calls/evaluations', '/calls/scripts', '/calls/settings'];

/** The section's own menu: evaluations, scripts and objections, call settings. */
export function CallReviewTabs() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const tabs = [
    { to: '/calls/evaluations', label: t('callReview.tabs.evaluations') },
    { to: '/calls/scripts', label: t('callReview.tabs.scripts') },
    { to: '/calls/settings', label: t('callReview.tabs.settings') },
  ];
  return (
    <nav className="subnav" aria-label={t('callReview.tabs.label')}>
      {tabs.map((tab) => (
        <Link key={tab.to} to={tab.to} aria-current={path === tab.to ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

/** A screen of this section; for a collector or viewer, what the server would answer. */
export function SeniorsOnly({ page: Page }: { page: ComponentType }) {
  const me = useMe();
  if (canReviewCalls(me.role)) return <Page />;
  return (
    <section className="page">
      <ErrorNotice error={new ApiError(403, 'FORBIDDEN', '')} />
    </section>
  );
}
