import { getPassage } from './api';
import type { PassageResponse, Reference } from './types';

const cache = new Map<string, Promise<PassageResponse>>();

/** Fetches a passage once per page load; failed fetches are retried next time. */
export function loadPassage(id: string): Promise<PassageResponse> {
  let pending = cache.get(id);
  if (!pending) {
    pending = getPassage(id);
    cache.set(id, pending);
    pending.catch(() => cache.delete(id));
  }
  return pending;
}

/** Of a bullet's evidence passages, the one that comes from, or cites, the cited reference. */
export function passageForReference(
  passages: PassageResponse[],
  reference: Reference | undefined,
): PassageResponse | undefined {
  if (reference) {
    const match = passages.find(
      (item) =>
        item.passage.sourceId === reference.sourceId ||
        item.source?.id === reference.sourceId ||
        (item.cites ?? []).some((cited) => cited.id === reference.sourceId),
    );
    if (match) return match;
  }
  return passages[0];
}
