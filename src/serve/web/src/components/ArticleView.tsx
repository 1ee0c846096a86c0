import { useId, useMemo, type ReactNode, type Ref } from 'react';
import type { Article, Reference } from '../lib/types';
import { ArticleSection } from './ArticleSection';
import { BottomLine } from './BottomLine';
import { EmergencyAlert } from './EmergencyAlert';
import { Heading } from './Heading';
import { ReferenceList } from './ReferenceList';
import { ReviewStatus } from './ReviewStatus';
import { StatusNotice } from './StatusNotice';

interface ArticleViewProps {
  article: Article;
  /** 1 for the page's main article, 2 for a follow-up in a thread. */
  level: 1 | 2;
  /** Makes reference anchors unique when several articles are on one page ("" gives #ref-1). */
  refPrefix?: string;
  questionLabel?: string;
  /** Controls shown under the title (audience selector, toolbar). */
  controls?: ReactNode;
  titleRef?: Ref<HTMLHeadingElement>;
  /** Still arriving (streamed): no review block yet. */
  partial?: boolean;
  testId?: string;
}

/** One article: emergency alert, title, review status, bottom line, sections, references, disclaimer. */
export function ArticleView({
  article,
  level,
  refPrefix = '',
  questionLabel = 'Question',
  controls,
  titleRef,
  partial = false,
  testId,
}: ArticleViewProps) {
  const titleId = useId();
  const inner = level === 1 ? 2 : 3;
  const references = useMemo(
    () => new Map<number, Reference>(article.references.map((reference) => [reference.n, reference])),
    [article.references],
  );
  const noAnswer = article.status === 'insufficient_evidence' || article.status === 'out_of_scope';

  return (
    <article className="article" aria-labelledby={titleId} data-testid={testId}>
      {article.alert && <EmergencyAlert text={article.alert} />}
      <Heading
        level={level}
        id={titleId}
        className="article-title"
        data-testid="article-title"
        ref={titleRef}
        tabIndex={-1}
      >
        {article.title}
      </Heading>
      {/* Trust first: who stands behind this and how far it was reviewed, under the title. */}
      {!partial && !noAnswer && <ReviewStatus article={article} />}
      <p className="article-question">
        <span className="article-question-label">{questionLabel}:</span> {article.question}
      </p>
      {/* A refusal or an insufficient-evidence notice is not an article: no audience, export or review chrome. */}
      {!noAnswer && controls}
      {noAnswer ? (
        <StatusNotice status={article.status} text={article.bottomLine.text} />
      ) : (
        <>
          {article.bottomLine.text && (
            <BottomLine bottomLine={article.bottomLine} level={inner} references={references} refPrefix={refPrefix} />
          )}
          {article.sections.map((section, index) => (
            <ArticleSection
              key={`${index}:${section.heading}`}
              section={section}
              level={inner}
              references={references}
              refPrefix={refPrefix}
            />
          ))}
          {article.references.length > 0 && (
            <ReferenceList references={article.references} level={inner} refPrefix={refPrefix} />
          )}
        </>
      )}
      {!partial && <p className="disclaimer">{article.disclaimer}</p>}
    </article>
  );
}
