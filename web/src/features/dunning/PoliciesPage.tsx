import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatNumber } from '../../lib/format.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMe } from '../auth/session.tsx';
import { canManageDunning, DunningTabs } from './DunningTabs.tsx';
import { createPolicy, type DunningPolicy, fetchPolicies, toPolicyInput } from './dunning.api.ts';
import { ChannelBadge } from './RunPage.tsx';

/** The policies a debtor can follow, in the order they are tried, with their steps at a glance. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  useDocumentTitle(t('dunning.policies.title'));
  const list = useFetch('policies', fetchPolicies);
  const [copyError, setCopyError] = useState<Error | null>(null);
  const [copying, setCopying] = useState<string | null>(null);
  const canEdit = canManageDunning(me.role);

  async function copy(policy: DunningPolicy) {
    setCopying(policy.id);
    setCopyError(null);
    try {
      const names = new Set((list.data ?? []).map((p) => p.name.toLowerCase()));
      const created = await createPolicy({
        ...toPolicyInput(policy),
        name: copyName(names, t('dunning.policies.copyOf', { name: policy.name })),
        isActive: false,
      });
      navigate(`/dunning/policies/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      setCopyError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setCopying(null);
    }
  }

  return (
    <section className="page dunning-policies" aria-labelledby="policies-title">
      <DunningTabs />
      <div className="page-head">
        <h1 id="policies-title">{t('dunning.policies.title')}</h1>
        <p className="hint">{t('dunning.policies.intro')}</p>
      </div>
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {copyError && <ErrorNotice error={copyError} />}
      <div className="table-wrap">
        <table className="data" data-testid="policies">
          <thead>
            <tr>
              <th scope="col">{t('dunning.policy.name')}</th>
              <th scope="col">{t('dunning.policy.regime')}</th>
              <th scope="col">{t('dunning.policy.segment')}</th>
              <th scope="col" className="num">
                {t('dunning.policy.priority')}
              </th>
              <th scope="col">{t('dunning.policy.active')}</th>
              <th scope="col">{t('dunning.policies.steps')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dunning.outbox.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((p) => (
              <tr key={p.id} data-testid="policy-row" className={p.isActive ? undefined : 'inactive'}>
                <td>
                  <Link to={`/dunning/policies/${encodeURIComponent(p.id)}`} className="strong">
                    {p.name}
                  </Link>
                </td>
                <td>{t(`dunning.regime.${p.regime}`)}</td>
                <td>{p.segment ?? <span className="muted">{t('dunning.policy.allSegments')}</span>}</td>
                <td className="num">{formatNumber(p.priority, language)}</td>
                <td>
                  <span className={`active-badge ${p.isActive ? 'on' : 'off'}`}>
                    {p.isActive ? t('dunning.policy.isActive') : t('dunning.policy.isInactive')}
                  </span>
                </td>
                <td className="steps-cell">
                  {p.steps
                    .filter((s) => s.isEnabled)
                    .map((s) => (
                      <span key={s.id} className="step-chip" title={s.name}>
                        <ChannelBadge channel={s.channel} />
                        {t(
                          s.anchor === 'due_date'
                            ? 'dunning.policies.dueOffset'
                            : 'dunning.policies.afterOffset',
                          {
                            offset: s.offsetDays < 0 ? `−${-s.offsetDays}` : `+${s.offsetDays}`,
                          },
                        )}
                      </span>
                    ))}
                </td>
                <td className="actions-cell">
                  {canEdit && (
                    <button
                      type="button"
                      className="button small"
                      disabled={copying !== null}
                      onClick={() => void copy(p)}
                      data-testid="copy-policy"
                    >
                      {t('dunning.policies.copy')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {list.status === 'loading' && !list.data && (
              <tr>
                <td colSpan={7} className="empty">
                  {t('common.loading')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** "Copy of X", then "Copy of X (2)", … — the first name no policy has (names are unique). */
export function copyName(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
