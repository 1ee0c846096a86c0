import { useState, type FormEvent } from 'react';

export function FollowUpBox({ onAsk }: { onAsk: (question: string) => Promise<void> }) {
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!question.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onAsk(question.trim());
      setQuestion('');
    } catch (reason) {
      setError((reason as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="followup" onSubmit={submit}>
      <label htmlFor="followup">Ask a follow-up question</label>
      <textarea id="followup" data-testid="followup-input" rows={2} value={question} placeholder="For example: And the dose? What about in pregnancy?" onChange={(event) => setQuestion(event.target.value)} />
      <button type="submit" data-testid="followup-submit" disabled={busy}>{busy ? 'Answering…' : 'Ask follow-up'}</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
