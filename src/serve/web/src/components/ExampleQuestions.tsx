const EXAMPLE_QUESTIONS = [
  'What is the treatment approach for ILD with an NSIP pattern and elevated IgE?',
  'How should type 2 diabetes be managed in a patient with chronic kidney disease?',
  'How is alcohol withdrawal syndrome treated?',
  'What can I do to keep my asthma under control?',
];

/** Example questions: one click asks them. */
export function ExampleQuestions({ onAsk, disabled }: { onAsk: (question: string) => void; disabled: boolean }) {
  return (
    <section className="examples" aria-labelledby="examples-heading">
      <h2 id="examples-heading" className="small-heading">
        Try an example
      </h2>
      <ul className="example-list">
        {EXAMPLE_QUESTIONS.map((question) => (
          <li key={question}>
            <button
              type="button"
              className="example-question"
              data-testid="example-question"
              disabled={disabled}
              onClick={() => onAsk(question)}
            >
              {question}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
