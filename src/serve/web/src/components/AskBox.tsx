import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useSuggestions } from '../lib/use-suggestions';
import type { Suggestion } from '../lib/types';
import { SuggestionList } from './SuggestionList';
import { MAX_QUESTION_CHARS } from '../../../../contract/question-limit.js';

interface AskBoxProps {
  value: string;
  onChange: (value: string) => void;
  onAsk: (question: string) => void;
  busy: boolean;
  error: string | null;
}

/**
 * The question box with topic suggestions as you type. Enter asks (or picks the highlighted
 * suggestion), Shift+Enter starts a new line, arrows move through suggestions, Escape closes them.
 */
export function AskBox({ value, onChange, onAsk, busy, error }: AskBoxProps) {
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const suggestions = useSuggestions(value, open);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const visible = open && suggestions.length > 0;
  const active = visible && activeIndex >= 0 && activeIndex < suggestions.length ? activeIndex : -1;

  const close = () => {
    setOpen(false);
    setActiveIndex(-1);
  };
  const choose = (suggestion: Suggestion) => {
    onChange(suggestion.title);
    close();
  };
  const move = (step: number) => {
    const count = suggestions.length;
    setActiveIndex((current) => (current < 0 ? (step > 0 ? 0 : count - 1) : (current + step + count) % count));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // With no list showing, arrows move the caret; ArrowDown on one line also reopens the list.
      if (!visible) {
        if (event.key === 'ArrowDown' && !open && !value.includes('\n')) setOpen(true);
        return;
      }
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      const chosen = active >= 0 ? suggestions[active] : undefined;
      if (chosen) choose(chosen);
      else {
        close();
        onAsk(value);
      }
    } else if (event.key === 'Escape' && visible) {
      event.preventDefault();
      close();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    close();
    onAsk(value);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: role=search on the form is the landmark screen readers announce today
    <form className="ask-box" onSubmit={onSubmit} role="search" aria-label="Ask Vesalius">
      <label htmlFor={inputId} className="field-label ask-label">
        Ask a clinical question
      </label>
      <p id={hintId} className="field-hint">
        Press Enter to ask, Shift+Enter for a new line. Type a condition to see matching topics.
      </p>
      <div className="ask-row">
        <div className="ask-field">
          <textarea
            id={inputId}
            data-testid="ask-input"
            rows={3}
            value={value}
            maxLength={MAX_QUESTION_CHARS}
            placeholder="e.g. How is gout treated in chronic kidney disease?"
            autoComplete="off"
            spellCheck
            aria-autocomplete="list"
            aria-controls={visible ? listId : undefined}
            aria-activedescendant={active >= 0 ? optionId(active) : undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              onChange(event.target.value);
              setOpen(true);
              setActiveIndex(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={close}
          />
          {visible && (
            <SuggestionList
              id={listId}
              suggestions={suggestions}
              activeIndex={active}
              optionId={optionId}
              onChoose={choose}
            />
          )}
        </div>
        <button type="submit" className="button-primary ask-submit" data-testid="ask-submit" disabled={busy}>
          {busy ? 'Asking…' : 'Ask'}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {visible
          ? `${suggestions.length} topic suggestion${suggestions.length === 1 ? '' : 's'}. Use the up and down arrows to choose, Enter to pick.`
          : ''}
      </p>
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
