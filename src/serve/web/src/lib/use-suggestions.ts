import { useEffect, useState } from 'react';
import { isAbort, suggest } from './api';
import type { Suggestion } from './types';

/** Topic suggestions for what is typed, fetched ~150 ms after typing stops. */
export function useSuggestions(text: string, enabled: boolean): Suggestion[] {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const prefix = text.trim();
  const active = enabled && prefix.length >= 2 && prefix.length <= 60;

  useEffect(() => {
    if (!active) {
      setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      suggest(prefix, controller.signal)
        .then((found) => setSuggestions(found))
        .catch((error: unknown) => {
          if (!isAbort(error)) setSuggestions([]);
        });
    }, 150);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [prefix, active]);

  return active ? suggestions : [];
}
