import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { useSession } from '../features/auth/session.tsx';
import { BankImportPage } from '../features/banking/BankImportPage.tsx';
import { MatchingPage } from '../features/banking/MatchingPage.tsx';
import { SeniorsOnly } from '../features/call-review/CallReviewTabs.tsx';
import { CallSettingsPage } from '../features/call-review/CallSettingsPage.tsx';
import { EvaluationsPage } from '../features/call-review/EvaluationsPage.tsx';
import { ScriptsPage } from '../features/call-review/ScriptsPage.tsx';
import { CallQueuePage } from '../features/calls/CallQueuePage.tsx';
import { WorkbenchPage } from '../features/calls/WorkbenchPage.tsx';
import { DebtorListPage } from '../features/debtors/DebtorListPage.tsx';
import { DossierPage } from '../features/dossier/DossierPage.tsx';
import { OutboxPage } from '../features/dunning/OutboxPage.tsx';
import { PoliciesPage } from '../features/dunning/PoliciesPage.tsx';
import { PolicyPage } from '../features/dunning/PolicyPage.tsx';
import { RunPage } from '../features/dunning/RunPage.tsx';
import { ImportPage } from '../features/imports/ImportPage.tsx';
import { InvoicePage } from '../features/invoices/InvoicePage.tsx';
import { matchPath, navigate, useLocation } from '../lib/router.tsx';
import { Shell } from './Shell.tsx';

export function App() {
  const { t } = useTranslation();
  const { state, refresh } = useSession();

  if (state.status === 'loading') {
    return <div className="splash">{t('common.loading')}</div>;
  }
  if (state.status === 'unreachable') {
    return (
      <div className="splash">
        <p role="alert">{t('errors.network')}</p>
        <button type="button" className="button" onClick={() => void refresh()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (state.status === 'anonymous') return <LoginPage expired={state.expired} />;
  return (
    // Keyed by organisation so no screen keeps data of the organisation the user left.
    <Shell key={state.me.organisation.id}>
      <Routes />
    </Shell>
  );
}

function Routes() {
  const { t } = useTranslation();
  const { path } = useLocation();

  useEffect(() => {
    if (path === '/' || path === '/login') navigate('/debtors', { replace: true });
  }, [path]);

  if (path === '/' || path === '/login' || path === '/debtors') return <DebtorListPage />;
  const dossier = matchPath('/debtors/:id', path);
  if (dossier?.id) return <DossierPage key={dossier.id} debtorId={dossier.id} />;
  const invoice = matchPath('/invoices/:id', path);
  if (invoice?.id) return <InvoicePage key={invoice.id} invoiceId={invoice.id} />;
  if (path === '/calls') return <CallQueuePage />;
  // Seniors' screens for the workbench, before /calls/:debtorId; a collector sees what the server would answer.
  if (path === '/calls/evaluations') return <SeniorsOnly page={EvaluationsPage} />;
  if (path === '/calls/scripts') return <SeniorsOnly page={ScriptsPage} />;
  if (path === '/calls/settings') return <SeniorsOnly page={CallSettingsPage} />;
  const call = matchPath('/calls/:debtorId', path);
  if (call?.debtorId) return <WorkbenchPage key={call.debtorId} debtorId={call.debtorId} />;
  if (path === '/imports') return <ImportPage />;
  if (path === '/bank') return <BankImportPage />;
  if (path === '/bank/matching') return <MatchingPage />;
  if (path === '/dunning') return <RunPage />;
  if (path === '/dunning/outbox') return <OutboxPage />;
  if (path === '/dunning/policies') return <PoliciesPage />;
  const policy = matchPath('/dunning/policies/:id', path);
  if (policy?.id) return <PolicyPage key={policy.id} policyId={policy.id} />;
  return (
    <section className="page">
      <h1>{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundPage')}</p>
    </section>
  );
}
