import { useEffect } from 'react';
import { Link } from '../components/Link';

/** How content is sourced and reviewed. */
export function EditorialPolicyPage() {
  useEffect(() => {
    document.title = 'Editorial policy · Vesalius';
  }, []);
  return (
    <article className="prose" aria-labelledby="policy-title">
      <h1 id="policy-title">Editorial policy</h1>
      <p className="lead">
        Vesalius answers clinical questions with short, structured articles. This page explains where the content comes
        from, who checks it, and how far you can rely on it.
      </p>

      <h2>The medical advisory board</h2>
      <p>
        A medical advisory board of practising clinicians and pharmacists oversees the knowledge base behind Vesalius.
        Its members decide which topics are covered, check that each statement faithfully reflects its source, confirm
        that doses and thresholds are transcribed correctly, and approve a topic before it is marked as reviewed. Board
        members declare their conflicts of interest and do not review topics in which they have one.
      </p>

      <h2>How content is sourced</h2>
      <ul>
        <li>
          Statements are drawn from, in order of preference, current clinical practice guidelines from recognised
          professional bodies, systematic reviews and meta-analyses, and randomised controlled trials. Observational
          studies, narrative reviews and patient-information resources are used only when stronger evidence does not
          exist, and are labelled as such.
        </li>
        <li>
          Every statement in an article cites at least one source, and each citation links to the exact passage it came
          from. If the indexed sources do not support an answer, Vesalius says there is insufficient evidence rather
          than guessing.
        </li>
        <li>
          References are never invented. Identifiers such as PubMed IDs and DOIs are shown only when they have been
          recorded for that publication, and they are checked against PubMed.
        </li>
        <li>
          Each reference carries a coarse evidence level: A for guidelines and systematic reviews, B for randomised
          trials, C for observational studies and D for narrative reviews, expert opinion and patient information. The
          level describes the kind of source, not a full appraisal of its quality.
        </li>
        <li>
          Articles are assembled from these cited statements without a language model, so the text you read is traceable
          to its source.
        </li>
      </ul>

      <h2>How content is reviewed</h2>
      <p>Each topic moves through three stages, shown on every article:</p>
      <ol className="policy-steps">
        <li>
          <strong>Submitted</strong>: written by an editor from the sources above, with each statement linked to its
          citation. Not yet checked by the board.
        </li>
        <li>
          <strong>Under Review</strong>: a board member with relevant expertise is checking the statements against the
          original sources.
        </li>
        <li>
          <strong>Approved</strong>: the reviewer has signed off. The article then names the reviewer, their credentials
          and the date of review.
        </li>
      </ol>
      <p>
        An article is only as reviewed as the least-reviewed content it draws on. Until a topic is approved, its
        articles carry the notice “Educational purpose only · content pending human review”. When a cited guideline or
        study is updated, withdrawn or corrected, the affected topics return to review, and the “Last updated” date
        changes when their content does.
      </p>

      <h2>Different readers</h2>
      <p>
        The same evidence can be shown for physicians, nurses and advanced practice providers, pharmacists, medical
        students, and patients or caregivers. The wording and the order of sections change; the sources and the
        conclusions do not.
      </p>

      <h2>Disclaimer</h2>
      <p>
        Vesalius is for education and information. It is not a medical device, does not provide a diagnosis, and is not
        a substitute for the judgement of a qualified health professional who knows the patient. Check doses,
        contraindications and local guidance before acting, and verify important decisions against the primary sources.
        If you think someone may be having a medical emergency, call your local emergency number now.
      </p>
      <p>
        <Link to="/">Ask a question</Link>
      </p>
    </article>
  );
}
