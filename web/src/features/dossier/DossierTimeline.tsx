import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../api-types.ts';
import { ApiError } from '../../lib/api.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { TimelineList } from '../../ui/TimelineList.tsx';
import { addNote, fetchTimeline } from './dossier.api.ts';

const NOTE_MAX = 4000;

/** The dossier's history with "load more", and the note form that appends to it. */
export function DossierTimeline({ debtorId, canWrite }: { debtorId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<Error | null>(null);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger.
  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    fetchTimeline(debtorId, null, controller.signal).then(
      (page) => {
        setEvents(page.items);
        setNextBefore(page.nextBefore);
        setStatus('ready');
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught instanceof Error ? caught : new Error(String(caught)));
        setStatus('error');
      },
    );
    return () => controller.abort();
  }, [debtorId, generation]);

  async function loadMore() {
    if (!nextBefore) return;
    setStatus('loading');
    try {
      const page = await fetchTimeline(debtorId, nextBefore);
      setEvents((current) => [...current, ...page.items]);
      setNextBefore(page.nextBefore);
      setStatus('ready');
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      setStatus('error');
    }
  }

  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('dossier.timeline')}</h2>
      {canWrite && <NoteForm debtorId={debtorId} onAdded={() => setGeneration((g) => g + 1)} />}
      {status === 'error' && error && (
        <ErrorNotice error={error} onRetry={() => setGeneration((g) => g + 1)} />
      )}
      {status === 'loading' && events.length === 0 ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <TimelineList events={events} />
      )}
      {nextBefore && (
        <button
          type="button"
          className="button small"
          onClick={() => void loadMore()}
          disabled={status === 'loading'}
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
