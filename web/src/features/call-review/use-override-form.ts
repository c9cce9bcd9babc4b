import { useEffect, useRef, useState } from 'react';
import { ApiError, type FieldIssue } from '../../lib/api.ts';
import type { FetchState } from '../../lib/use-fetch.ts';

/**
 * The state of a form that edits overrides over defaults: the loaded view, the draft, and a save
 * or reset whose refusal lists the server's field issues (scrolled into view, since Save is at
 * the bottom) while any other failure shows as an error.
 */
export function useOverrideForm<View, Draft>(loaded: FetchState<View>, toDraft: (view: View) => Draft) {
  const [view, setView] = useState<View | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const issuesBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (issues.length > 0) issuesBox.current?.scrollIntoView({ block: 'nearest' });
  }, [issues]);

  useEffect(() => {
    if (loaded.status === 'ready') {
      setView(loaded.data);
      setDraft(toDraft(loaded.data));
    }
  }, [loaded.status, loaded.data, toDraft]);

  /** Changes the draft; the issues `stillValid` rejects were about what changed and are dropped. */
  const edit = (change: (current: Draft) => Draft, stillValid: (issue: FieldIssue) => boolean) => {
    setSaved(false);
    setDraft((current) => (current === null ? current : change(current)));
    setIssues((current) => current.filter(stillValid));
  };

  /** Sends a save or reset; the view it answers with becomes the new starting point. */
  async function run(action: () => Promise<View>, onSaved?: () => void) {
    setBusy(true);
    setError(null);
    setIssues([]);
    setSaved(false);
    try {
      const next = await action();
      setView(next);
      setDraft(toDraft(next));
      setSaved(true);
      onSaved?.();
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.length > 0) setIssues(caught.issues);
      else setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }

  return { view, draft, issues, error, busy, saved, issuesBox, edit, run };
}
