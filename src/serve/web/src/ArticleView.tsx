import { useState } from 'react';
import type { Article, Reference } from './api';
import { Citation } from './Citation';
import { ReviewStatus } from './ReviewStatus';

function articleAsText(article: Article): string {
  const cite = (numbers: number[]) => numbers.map((n) => `[${n}]`).join('');
  const lines = [article.title, ''];
  if (article.alert) lines.push(`EMERGENCY: ${article.alert}`, '');
  lines.push(`Bottom line: ${article.bottomLine.text} ${cite(article.bottomLine.citations)}`, '');
  for (const section of article.sections) lines.push(section.heading, ...section.bullets.map((bullet) => `- ${bullet.text} ${cite(bullet.citations)}`), '');
  lines.push('References', ...article.references.map((reference) => `${reference.n}. ${reference.authors.slice(0, 3).join(', ')}. ${reference.title}. ${reference.journal ?? ''} ${reference.year ?? ''}`), '', article.disclaimer);
  return lines.join('\n');
}

function ReferenceItem({ reference }: { reference: Reference }) {
  const authors = reference.authors.length > 3 ? `${reference.authors.slice(0, 3).join(', ')}, et al.` : reference.authors.join(', ');
  return (
    <li id={`ref-${reference.n}`} data-testid="reference" value={reference.n}>
      {authors && <span>{authors.replace(/\.$/, '')}. </span>}
      <cite>{reference.title}</cite>. {[reference.journal, reference.year].filter(Boolean).join(', ')}.{' '}
      <span className={`level level-${reference.evidenceLevel}`} title="Evidence level">Level {reference.evidenceLevel}</span>{' '}
      {reference.pmid && <a href={`https://pubmed.ncbi.nlm.nih.gov/${reference.pmid}/`} rel="noreferrer noopener" target="_blank">PubMed</a>}{' '}
      {reference.doi && <a href={`https://doi.org/${reference.doi}`} rel="noreferrer noopener" target="_blank">DOI</a>}
      {!reference.pmid && !reference.doi && reference.url && <a href={reference.url} rel="noreferrer noopener" target="_blank">Source</a>}
    </li>
  );
}

/** One article: emergency banner first, then title, bottom line, sections, references, status. */
export function ArticleView({ article, headingLevel = 1, tools = true }: { article: Article; headingLevel?: 1 | 2; tools?: boolean }) {
  const [copied, setCopied] = useState(false);
  const byNumber = new Map(article.references.map((reference) => [reference.n, reference]));
  const Title = headingLevel === 1 ? 'h1' : 'h2';
  const copy = async () => {
    await navigator.clipboard.writeText(articleAsText(article)).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  const answered = article.status === 'answered' || article.status === 'emergency';
  return (
    <article className="article">
      {article.alert && (
        <div className="emergency" role="alert" data-testid="emergency-alert">
          <strong>Emergency:</strong> {article.alert}
        </div>
      )}
      <Title data-testid="article-title">{article.title || article.question}</Title>
      <p className="question">Question: {article.question}</p>
      {!answered && (
        <div className="notice" role="status" data-testid="status-notice">
          <strong>{article.status === 'insufficient_evidence' ? 'Insufficient evidence. ' : 'Outside our scope. '}</strong>
          {article.bottomLine.text}
        </div>
      )}
      {answered && article.bottomLine.text && article.bottomLine.text !== article.alert && (
        <section className="bottom-line" aria-label="Bottom line" data-testid="bottom-line">
          <h2>Bottom line</h2>
          <p>
            {article.bottomLine.text}
            {article.bottomLine.citations.map((n) => <Citation key={n} n={n} evidence={undefined} reference={byNumber.get(n)} />)}
          </p>
        </section>
      )}
      {article.sections.map((section) => (
        <section key={section.heading} className="section" data-testid="section">
          <h2>{section.heading}</h2>
          <ul>
            {section.bullets.map((bullet, index) => (
              <li key={index} data-testid="bullet">
                {bullet.text}
                {bullet.citations.map((n, position) => <Citation key={n} n={n} evidence={bullet.evidence[Math.min(position, bullet.evidence.length - 1)]} reference={byNumber.get(n)} />)}
                {bullet.grade && <span className="grade"> ({bullet.grade})</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {article.references.length > 0 && (
        <section className="references" aria-label="References">
          <h2>References</h2>
          <ol>{article.references.map((reference) => <ReferenceItem key={reference.n} reference={reference} />)}</ol>
        </section>
      )}
      <ReviewStatus article={article} />
      <p className="disclaimer">{article.disclaimer}</p>
      {tools && (
        <div className="toolbar" role="toolbar" aria-label="Article tools">
          <button type="button" onClick={copy} data-testid="copy-text">{copied ? 'Copied' : 'Copy as text'}</button>
          <a className="button" href={`/api/articles/${article.id}/export?format=markdown&audience=${article.audience}`} data-testid="export-markdown">Export Markdown</a>
          <a className="button" href={`/api/articles/${article.id}/export?format=ris&audience=${article.audience}`} data-testid="export-ris">Export references (RIS)</a>
          <button type="button" onClick={() => window.print()}>Print</button>
          <span className="visually-hidden" aria-live="polite">{copied ? 'Article copied to the clipboard' : ''}</span>
        </div>
      )}
    </article>
  );
}
