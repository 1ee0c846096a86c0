import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { api } from './api';

interface Suggestion {
  topicId: string;
  title: string;
  specialty: string;
}

/** The question box, with topic suggestions as you type (an accessible combobox). */
export function AskBox({ value, onChange, onSubmit, busy }: { value: string; onChange: (value: string) => void; onSubmit: () => void; busy: boolean }) {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    clearTimeout(timer.current);
    const lastWords = value.trim().split(/\s+/).slice(-3).join(' ');
    if (lastWords.length < 2 || value.length > 120) {
      setSuggestions([]);
      return;
    }
    timer.current = setTimeout(() => {
      api.suggest(lastWords.split(' ').pop() ?? '').then((body) => setSuggestions(body.suggestions.slice(0, 6))).catch(() => setSuggestions([]));
    }, 150);
    return () => clearTimeout(timer.current);
  }, [value]);

  const choose = (suggestion: Suggestion) => {
    const words = value.trim().split(/\s+/);
    words[words.length - 1] = suggestion.title;
    onChange(`${words.join(' ')} `);
    setSuggestions([]);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setActive((index) => (index + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? suggestions.length - 1 : index - 1));
    } else if (event.key === 'Escape') {
      setSuggestions([]);
      setActive(-1);
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      const chosen = suggestions[active];
      if (chosen) choose(chosen);
      else onSubmit();
    }
  };

  const open = suggestions.length > 0;
  return (
    <div className="ask-box">
      <label htmlFor="question">Ask a clinical question</label>
      <textarea
        id="question"
        data-testid="ask-input"
        rows={3}
        value={value}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="For example: How should type 2 diabetes be managed in chronic kidney disease?"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setSuggestions([]), 150)}
      />
      <ul id={listId} role="listbox" className="suggestions" hidden={!open} aria-label="Topic suggestions">
        {suggestions.map((suggestion, index) => (
          <li key={suggestion.topicId} id={`${listId}-${index}`} role="option" aria-selected={index === active} data-testid="suggestion" onMouseDown={(event) => { event.preventDefault(); choose(suggestion); }}>
            {suggestion.title} <span className="specialty">{suggestion.specialty.replace(/-/g, ' ')}</span>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="ask-submit" onClick={onSubmit} disabled={busy || value.trim() === ''}>{busy ? 'Answering…' : 'Ask'}</button>
    </div>
  );
}
