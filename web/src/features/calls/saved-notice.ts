import { useEffect, useState } from 'react';

/**
 * After an outcome is saved the workbench moves on to the next call; the next screen says once
 * what was saved. Kept in memory only: a reload forgets it, which is fine for a confirmation.
 */
let notice: string | null = null;

export function leaveSavedNotice(text: string): void {
  notice = text;
}

/** The notice left for this screen (read once, then cleared for the screens after it). */
export function useSavedNotice(): string | null {
  const [text] = useState(() => notice);
  useEffect(() => {
    notice = null;
  }, []);
  return text;
}
