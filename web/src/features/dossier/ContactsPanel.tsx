import { useTranslation } from 'react-i18next';
import type { Contact } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { weekdayName } from '../../lib/format.ts';
import { formatPhone, telHref } from '../../lib/phone.ts';

/** Who to call and how to get past reception: the first things a collector needs before dialling. */
export function ContactsPanel({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation();
  // The collections contact first: that is who the call is for.
  const sorted = [...contacts].sort(
    (a, b) => Number(b.isCollectionsContact) - Number(a.isCollectionsContact),
  );
  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">
        {t('dossier.contacts')} <span className="count-badge">{contacts.length}</span>
      </h2>
      {sorted.length === 0 && <p className="muted">{t('dossier.noContacts')}</p>}
      <ul className="contacts">
        {sorted.map((contact) => (
          <ContactItem key={contact.id} contact={contact} />
        ))}
      </ul>
    </section>
  );
}

function ContactItem({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const days = [...contact.preferredCallDays].sort((a, b) => a - b).map((day) => weekdayName(day, language));
  const hours =
    contact.preferredCallFrom && contact.preferredCallUntil
      ? `${contact.preferredCallFrom}–${contact.preferredCallUntil}`
      : (contact.preferredCallFrom ?? contact.preferredCallUntil ?? '');
  return (
    <li className="contact" data-testid="contact">
      <div className="contact-head">
        <strong>{contact.name}</strong>
        {contact.role && <span className="muted">{contact.role}</span>}
        {contact.isCollectionsContact && (
          <span className="badge collections" title={t('dossier.collectionsContactHint')}>
            {t('dossier.collectionsContact')}
          </span>
        )}
      </div>
      <div className="contact-lines">
        {contact.phone && (
          <a
            className="tel"
            href={telHref(contact.phone, contact.phoneExtension)}
            data-testid="contact-phone"
          >
            <span aria-hidden="true">☎</span> {formatPhone(contact.phone)}
            {contact.phoneExtension && (
              <span className="ext">
                {' '}
                {t('dossier.extension')} {contact.phoneExtension}
              </span>
            )}
          </a>
        )}
        {contact.mobile && (
          <a className="tel" href={telHref(contact.mobile)}>
            <span aria-hidden="true">✆</span> {formatPhone(contact.mobile)}{' '}
            <span className="muted">{t('dossier.mobile')}</span>
          </a>
        )}
        {contact.email && (
          <a className="mail" href={`mailto:${contact.email}`}>
            {contact.email}
          </a>
        )}
      </div>
      {(days.length > 0 || hours) && (
        <p className="call-times">
          <span className="label">{t('dossier.callTimes')}</span> {days.join(', ')} {hours}
        </p>
      )}
      {contact.gatekeeperNotes && (
        <p className="gatekeeper">
          <span className="label">{t('dossier.gatekeeper')}</span> {contact.gatekeeperNotes}
        </p>
      )}
    </li>
  );
}
