import { type AnchorHTMLAttributes, type MouseEvent, useCallback, useSyncExternalStore } from 'react';

/**
 * A small router on the history API: the app has five screens, so a dependency would cost more
 * than these forty lines. Components read the location with `useLocation` and change it with
 * `navigate`; `<Link>` is a real anchor so middle-click and "open in new tab" keep working.
 */
const NAVIGATE_EVENT = 'collectdesk:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function useLocation(): { path: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, search: url.searchParams, href };
}

/** How many in-app steps lie behind the current entry, so "back" never leaves the app. */
const depth = (): number => {
  const state: unknown = window.history.state;
  return state && typeof state === 'object' && 'depth' in state && typeof state.depth === 'number'
    ? state.depth
    : 0;
};

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState({ depth: depth() }, '', to);
  else window.history.pushState({ depth: depth() + 1 }, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Back to where the user came from inside the app (a list keeps its filters), else `fallback`. */
export function goBack(fallback: string): void {
  if (depth() > 0) window.history.back();
  else navigate(fallback);
}

/** Matches `/debtors/:id` style patterns; returns the decoded parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(event);
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(to);
    },
    [onClick, to],
  );
  return <a href={to} onClick={handleClick} {...rest} />;
}
