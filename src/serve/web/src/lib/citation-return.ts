/** The citation marker a reader last followed to the reference list, to return to it. */
let last: string | null = null;
let target: string | null = null;
const listeners = new Set<() => void>();

export function rememberCitation(anchorId: string, referenceId: string): void {
  last = anchorId;
  target = referenceId;
  for (const listener of listeners) listener();
}

/** The reference entry the reader was sent to, if any. */
export function followedReference(): string | null {
  return target;
}

/** Calls back when a citation is followed (the reference list shows its "Back to text" link). */
export function onCitationFollowed(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Scrolls back to the marker the reader came from and focuses it. */
export function returnToCitation(): void {
  if (!last) return;
  const marker = document.getElementById(last);
  marker?.scrollIntoView({ block: 'center' });
  marker?.focus({ preventScroll: true });
}
