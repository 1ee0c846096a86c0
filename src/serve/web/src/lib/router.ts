import { useSyncExternalStore } from 'react';

/** A tiny router: the location is external state, changed with pushState/replaceState. */
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export interface AppLocation {
  pathname: string;
  search: URLSearchParams;
}

export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

/** Goes to another page of the app (a new history entry). */
export function navigate(to: string): void {
  if (to === snapshot()) return;
  window.history.pushState(null, '', to);
  notify();
}

/** Changes one query parameter in place (no new history entry), e.g. ?audience=. */
export function replaceQueryParam(name: string, value: string | null): void {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  url.hash = '';
  window.history.replaceState(window.history.state, '', url.pathname + url.search);
  notify();
}
