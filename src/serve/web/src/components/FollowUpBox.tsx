import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { errorMessage } from '../lib/api';
import { MAX_QUESTION_CHARS } from '../../../../contract/question-limit.js';

interface FollowUpBoxProps {
  onAsk: (question: string) => Promise<void>;
}

/** Asks a follow-up in the thread's context ("And the dose?"). Enter asks; Shift+Enter starts a new line. */
export function FollowUpBox({ onAsk }: FollowUpBoxProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = async () => {
    const question = text.trim();
    if (busy) return;
    if (!question) {
      setError('Type a follow-up question first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onAsk(question);
      setText('');
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form className="followup-box" onSubmit={onSubmit} aria-busy={busy || undefined}>
      <label htmlFor={inputId} className="field-label">
        Ask a follow-up question
      </label>
      <p id={hintId} className="field-hint">
        Follow-ups keep this thread’s topic and sources, for example “And the dose?” or “What about in pregnancy?”.
        Press Enter to ask, Shift+Enter for a new line.
      </p>
      <textarea
        id={inputId}
        data-testid="followup-input"
        rows={2}
        value={text}
        maxLength={MAX_QUESTION_CHARS}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" data-testid="followup-submit" disabled={busy}>
          {busy ? 'Asking…' : 'Ask follow-up'}
        </button>
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
