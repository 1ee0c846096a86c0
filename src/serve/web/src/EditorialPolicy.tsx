export function EditorialPolicy() {
  return (
    <article className="policy">
      <h1>Editorial policy</h1>
      <h2>How content is sourced</h2>
      <p>Vesalius answers only from indexed sources: current clinical practice guidelines, systematic reviews, randomized trials and other peer-reviewed studies, and trusted patient information. Each statement in an answer is taken from one of these passages and carries numbered citations to the publications behind it. We do not invent references, identifiers or doses; when the indexed evidence does not answer a question, Vesalius says "insufficient evidence" instead of guessing.</p>
      <h2>What the medical advisory board does</h2>
      <p>Clinicians on the medical advisory board review topics and saved answers statement by statement: they check that each statement matches its sources, that doses and thresholds are stated exactly as the source gives them, and that the guidance is current. They can comment on a statement or reference, request changes, or approve a version.</p>
      <h2>How review works</h2>
      <p>Every article moves through three steps: Submitted, Under Review and Approved. Until a version is approved, it is marked "Educational purpose only · content pending human review". An approved article shows who reviewed it and when. When a cited source is updated or retracted, every article citing it is flagged for re-review.</p>
      <h2>Disclaimer</h2>
      <p>Vesalius is a decision aid for healthcare professionals and an educational resource for patients. It does not replace clinical judgement or the advice of a clinician who knows the patient. In an emergency, call your local emergency number.</p>
      <p><a href="/">Ask a question</a></p>
    </article>
  );
}
