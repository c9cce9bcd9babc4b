import { useEffect, useRef } from 'react';

/** Inputs that take no typed text: a letter or digit pressed on them is a shortcut. */
const CHOICE_INPUTS = new Set(['checkbox', 'radio']);

/** True when a keystroke belongs to a text field, a select or an editable element. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !CHOICE_INPUTS.has(target.type);
  const tag = target.tagName;
  return tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * Screen-wide keyboard shortcuts that stay out of the way: ignored while typing in a field, with
 * a modifier held, or when a button, link or checkbox has focus and Enter/Space are its own.
 */
export function useGlobalKey(handler: (event: KeyboardEvent) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      const target = event.target;
      // Arrow keys move between radio buttons of a group.
      if (event.key.startsWith('Arrow') && target instanceof HTMLInputElement) return;
      if (
        (event.key === 'Enter' || event.key === ' ') &&
        target instanceof HTMLElement &&
        target.closest('a, button, summary, [role="button"], input')
      ) {
        return;
      }
      ref.current(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
