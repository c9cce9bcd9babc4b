import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent, TimelinePage } from '../../api-types.ts';
import { ApiError } from '../../lib/api.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { TimelineList } from '../../ui/TimelineList.tsx';
import { addNote, fetchTimeline } from './dossier.api.ts';

const NOTE_MAX = 4000;

/**
 * The dossier's history, newest first, with "load more" for older events and the note form that
 * appends to it. The first page arrives with the dossier; after a note it is fetched again.
 */
export function DossierTimeline({
  debtorId,
  firstPage,
  canWrite,
}: {
  debtorId: string;
  firstPage: TimelinePage;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [events, setEvents] = useState<TimelineEvent[]>(firstPage.events);
  const [nextBefore, setNextBefore] = useState<string | null>(firstPage.nextBefore);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  async function load(before: string | null) {
    setBusy(true);
    setError(null);
    try {
      const page = await fetchTimeline(debtorId, before);
      setEvents((current) => (before ? [...current, ...page.events] : page.events));
      setNextBefore(page.nextBefore);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('dossier.timeline')}</h2>
      {canWrite && <NoteForm debtorId={debtorId} onAdded={() => void load(null)} />}
      {error && <ErrorNotice error={error} onRetry={() => void load(null)} />}
      <TimelineList events={events} />
      {nextBefore && (
        <button
          type="button"
          className="button small"
          onClick={() => void load(nextBefore)}
          disabled={busy}
          data-testid="timeline-more"
        >
          {t('timeline.loadMore')}
        </button>
      )}
    </section>
  );
}

function NoteForm({ debtorId, onAdded }: { debtorId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useGlobalKey((event) => {
    if (event.key === 'n') {
      event.preventDefault();
      textarea.current?.focus();
    }
  });

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const note = text.trim();
    if (!note) return;
    setBusy(true);
    setError(null);
    try {
      await addNote(debtorId, note);
      setText('');
      onAdded();
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.length > 0) {
        setError(caught.issues.map((issue) => issue.message).join(' '));
      } else if (caught instanceof ApiError && caught.message) {
        setError(caught.message);
      } else {
        setError(t('errors.generic'));
      }
    } finally {
      setBusy(false);
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form className="note-form" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="note-text">
        {t('dossier.addNote')}
      </label>
      <textarea
        id="note-text"
        ref={textarea}
        rows={2}
        maxLength={NOTE_MAX}
        placeholder={t('dossier.notePlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-keyshortcuts="n"
        data-testid="note-text"
      />
      <div className="note-actions">
        <span className="hint">{t('dossier.noteHint')}</span>
        <button type="submit" className="button primary small" disabled={busy || !text.trim()}>
          {t('dossier.addNote')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
