import { useId } from 'react';
import type { Article, Reference } from '../lib/types';
import { Citations } from './Citations';
import { Heading, type HeadingLevel } from './Heading';

interface BottomLineProps {
  bottomLine: Article['bottomLine'];
  level: HeadingLevel;
  references: Map<number, Reference>;
  refPrefix: string;
}

/** The short answer, in a highlighted box. */
export function BottomLine({ bottomLine, level, references, refPrefix }: BottomLineProps) {
  const headingId = useId();
  return (
    <section className="bottom-line" aria-labelledby={headingId}>
      <Heading level={level} id={headingId} className="bottom-line-heading">
        Bottom line
      </Heading>
      <p data-testid="bottom-line">
        {bottomLine.text}
        <Citations
          citations={bottomLine.citations}
          evidence={bottomLine.evidence ?? []}
          references={references}
          refPrefix={refPrefix}
          statement={bottomLine.text}
        />
      </p>
    </section>
  );
}
