import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatDateTime, formatMoney, formatReference, weekdayName } from '../../lib/format.ts';
import { formatPhone, telHref } from '../../lib/phone.ts';
import { Link } from '../../lib/router.tsx';
import { formatDuration } from './call-time.ts';
import type { PrepSheet as PrepSheetData } from './calls.api.ts';

type Contact = NonNullable<PrepSheetData['contact']>;

/**
 * Everything before dialling (R12, 003#1, 004#2–3), from one request: the person to ask for, the
 * goals of the call, every open invoice with what was ordered and how delivery went, and the
 * history — reminders, payments, calls, disputes, promises and causes of earlier non-payment.
 */
export function PrepSheet({ sheet }: { sheet: PrepSheetData }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = (amount: string | null | undefined) => formatMoney(amount, language);
  const date = (value: string | null | undefined) => formatDate(value, language);
  const { debtor, promises, paymentHistory, reminders } = sheet;
  return (
    <div className="prep" data-testid="prep-sheet">
      <Block title={t('calls.prep.contact')} testId="prep-contact">
        {sheet.contact ? (
          <ContactCard contact={sheet.contact} isMain />
        ) : (
          <p className="muted">{t('calls.prep.noContact')}</p>
        )}
        {sheet.otherContacts.length > 0 && (
          <details className="others">
            <summary>{t('calls.prep.otherContacts', { count: sheet.otherContacts.length })}</summary>
            {sheet.otherContacts.map((contact) => (
              <ContactCard key={contact.id} contact={contact} />
            ))}
          </details>
        )}
      </Block>

      {sheet.goals && (
        <Block title={t('calls.prep.goals')} testId="prep-goals">
          <dl className="goals">
            <dt>{t('calls.prep.maximum')}</dt>
            <dd>
              <strong className="money">{money(sheet.goals.maximum.amount)}</strong>{' '}
              {t('calls.prep.byDate', { date: date(sheet.goals.maximum.payByDate) })}
            </dd>
            <dt>{t('calls.prep.minimum')}</dt>
            <dd>
              <strong className="money">{money(sheet.goals.minimumAmount)}</strong>
              <ul className="plain">
                {sheet.goals.minimum.map((goal) => (
                  <li key={goal.kind}>
                    {t(`calls.goalKinds.${goal.kind}`, { amount: money(goal.amount), date: date(goal.date) })}
                    {goal.instalments && (
                      <span className="muted small">
                        {' '}
                        ({goal.instalments.map((i) => `${money(i.amount)} ${date(i.dueDate)}`).join(' · ')})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        </Block>
      )}

      <Block title={t('calls.prep.invoices', { count: sheet.openInvoices.length })} testId="prep-invoices">
        <div className="table-wrap">
          <table className="data compact prep-invoices">
            <thead>
              <tr>
                <th scope="col">{t('calls.prep.invoice')}</th>
                <th scope="col">{t('calls.prep.order')}</th>
                <th scope="col" className="num">
                  {t('calls.prep.open')}
                </th>
                <th scope="col">{t('calls.prep.due')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.openInvoices.map((invoice) => (
                <tr key={invoice.id}>
                  <td>
                    <Link to={`/invoices/${invoice.id}`} className="mono">
                      {invoice.number}
                    </Link>
                    {invoice.status !== 'open' && (
                      <span className={`status status-${invoice.status}`}>
                        {t(`invoiceStatus.${invoice.status}`, { defaultValue: invoice.status })}
                      </span>
                    )}
                    {invoice.paymentReference && (
                      <div className="mono muted small">{formatReference(invoice.paymentReference)}</div>
                    )}
                  </td>
                  <td className="wrap">
                    {invoice.orderDescription ?? <span className="muted">–</span>}
                    {invoice.deliveryNotes && (
                      <div className="small">
                        {t('calls.prep.delivery')}: {invoice.deliveryNotes}
                      </div>
                    )}
                    {invoice.salesAgreementNotes && (
                      <div className="small sales-note">
                        {t('calls.prep.salesAgreement')}: {invoice.salesAgreementNotes}
                      </div>
                    )}
                  </td>
                  <td className="num money">
                    {money(invoice.open)}
                    {invoice.open !== invoice.total && (
                      <div className="muted small">
                        {t('calls.prep.ofTotal', { total: money(invoice.total) })}
                      </div>
                    )}
                  </td>
                  <td className="due">
                    {date(invoice.dueDate)}
                    {invoice.daysLate > 0 && (
                      <div className="danger small">{t('calls.prep.late', { count: invoice.daysLate })}</div>
                    )}
                    {invoice.paymentTermDays !== null && (
                      <div className="muted small">
                        {t('calls.prep.term', { count: invoice.paymentTermDays })}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {debtor.notes && <p className="small">{debtor.notes}</p>}
      </Block>

      <div className="prep-pair">
        <Block title={t('calls.prep.reminders', { count: reminders.count })} testId="prep-reminders">
          {reminders.items.length === 0 ? (
            <p className="muted small">{t('calls.prep.noReminders')}</p>
          ) : (
            <ul className="plain small">
              {reminders.items.map((item) => (
                <li key={`${item.date}-${item.step}-${item.channel}`}>
                  {date(item.date)} · {item.step} ·{' '}
                  {t(`calls.channels.${item.channel}`, { defaultValue: item.channel })}
                  {item.deliveryStatus && <span className="muted"> ({item.deliveryStatus})</span>}
                </li>
              ))}
            </ul>
          )}
        </Block>
        <Block title={t('calls.prep.payments')} testId="prep-payments">
          <p className="small">
            {paymentHistory.averageDaysLate === null
              ? t('calls.prep.noPaymentHistory')
              : t('calls.prep.averageLate', {
                  days: Math.round(paymentHistory.averageDaysLate),
                  count: paymentHistory.paidInvoiceCount,
                })}
          </p>
          {paymentHistory.lastPayments.length > 0 && (
            <ul className="plain small">
              {paymentHistory.lastPayments.map((payment) => (
                <li key={`${payment.date}-${payment.amount}-${payment.method}`}>
                  {date(payment.date)} · <span className="money">{money(payment.amount)}</span> ·{' '}
                  {payment.method}
                </li>
              ))}
            </ul>
          )}
        </Block>
      </div>

      <Block title={t('calls.prep.calls', { count: sheet.calls.length })} testId="prep-calls">
        {sheet.calls.length === 0 ? (
          <p className="muted small">{t('calls.prep.noCalls')}</p>
        ) : (
          <ul className="plain small history">
            {sheet.calls.map((call) => (
              <li key={call.id}>
                <span className="muted">{formatDateTime(call.startedAt, language)}</span>{' '}
                <strong>{t(`calls.outcomes.${call.result ?? call.outcome}`)}</strong>
                {call.contact && ` · ${call.contact}`}
                {call.collector && <span className="muted"> · {call.collector}</span>}
                {call.durationSeconds > 0 && (
                  <span className="muted"> · {formatDuration(call.durationSeconds)}</span>
                )}
                {call.nonPaymentCause && ` · ${t(`calls.causes.${call.nonPaymentCause}`)}`}
                {call.notes && <div>{call.notes}</div>}
              </li>
            ))}
          </ul>
        )}
      </Block>

      <div className="prep-pair">
        <Block
          title={t('calls.prep.promises', {
            kept: promises.kept,
            partly: promises.partiallyKept,
            broken: promises.broken,
          })}
          testId="prep-promises"
        >
          {promises.items.length === 0 ? (
            <p className="muted small">{t('calls.prep.noPromises')}</p>
          ) : (
            <ul className="plain small">
              {promises.items.map((promise) => (
                <li key={promise.id}>
                  <span className="money">{money(promise.amount)}</span>{' '}
                  {t('calls.prep.byDate', { date: date(promise.promisedDate) })}{' '}
                  <span className={`status promise-${promise.status}`}>
                    {t(`calls.promiseStatus.${promise.status}`)}
                  </span>
                  {promise.paid !== '0.00' && (
                    <span className="muted"> {t('calls.prep.paid', { amount: money(promise.paid) })}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Block>
        <Block title={t('calls.prep.disputes', { count: sheet.disputes.length })} testId="prep-disputes">
          {sheet.disputes.length === 0 ? (
            <p className="muted small">{t('calls.prep.noDisputes')}</p>
          ) : (
            <ul className="plain small">
              {sheet.disputes.map((dispute) => (
                <li key={dispute.id}>
                  <span className="mono">{dispute.invoiceNumber}</span> · {dispute.reason}{' '}
                  <span className={`status dispute-${dispute.status}`}>
                    {t(`calls.disputeStatus.${dispute.status}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Block>
      </div>

      {(sheet.nonPaymentCauses.length > 0 || sheet.openTasks.length > 0) && (
        <div className="prep-pair">
          <Block title={t('calls.prep.causes')} testId="prep-causes">
            {sheet.nonPaymentCauses.length === 0 ? (
              <p className="muted small">–</p>
            ) : (
              <ul className="plain small">
                {sheet.nonPaymentCauses.map((cause) => (
                  <li key={cause.cause}>
                    {t(`calls.causes.${cause.cause}`)} ×{cause.count}
                    {cause.lastText && <span className="muted"> — {cause.lastText}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Block>
          <Block title={t('calls.prep.tasks')} testId="prep-tasks">
            {sheet.openTasks.length === 0 ? (
              <p className="muted small">–</p>
            ) : (
              <ul className="plain small">
                {sheet.openTasks.map((task) => (
                  <li key={task.id}>
                    {t(`calls.reasons.${task.reason}`, { defaultValue: task.reason })} ·{' '}
                    {task.callbackAt ? formatDateTime(task.callbackAt, language) : date(task.dueDate)}
                    {task.note && <span className="muted"> — {task.note}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Block>
        </div>
      )}
    </div>
  );
}

function Block({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="prep-block" data-testid={testId}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function ContactCard({ contact, isMain = false }: { contact: Contact; isMain?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const days = contact.preferredCallDays.map((day) => weekdayName(day, language)).join(', ');
  const hours =
    contact.preferredCallFrom && contact.preferredCallUntil
      ? `${contact.preferredCallFrom}–${contact.preferredCallUntil}`
      : '';
  return (
    <div className={isMain ? 'prep-contact main' : 'prep-contact'}>
      <div>
        <strong>{contact.name}</strong>
        {contact.role && <span className="muted"> · {contact.role}</span>}
        {contact.isCollectionsContact && <span className="badge">{t('calls.prep.collectionsContact')}</span>}
      </div>
      <div className="contact-lines small">
        {contact.phone && (
          <a className="tel" href={telHref(contact.phone, contact.extension)}>
            {formatPhone(contact.phone)}
            {contact.extension && ` ${t('calls.ext', { ext: contact.extension })}`}
          </a>
        )}
        {contact.mobile && (
          <a className="tel" href={telHref(contact.mobile)}>
            {t('calls.prep.direct')} {formatPhone(contact.mobile)}
          </a>
        )}
        {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
        {(days || hours) && (
          <span className="muted">
            {t('calls.prep.prefers', { when: [days, hours].filter(Boolean).join(' ') })}
          </span>
        )}
      </div>
      {contact.gatekeeperNotes && (
        <p className="gatekeeper small" data-testid="gatekeeper-notes">
          {t('calls.prep.gatekeeper')}: {contact.gatekeeperNotes}
        </p>
      )}
    </div>
  );
}
