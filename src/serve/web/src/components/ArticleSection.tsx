import { useId } from 'react';
import type { Reference, Section } from '../lib/types';
import { BulletItem } from './BulletItem';
import { Heading, type HeadingLevel } from './Heading';

interface ArticleSectionProps {
  section: Section;
  level: HeadingLevel;
  references: Map<number, Reference>;
  refPrefix: string;
}

export function ArticleSection({ section, level, references, refPrefix }: ArticleSectionProps) {
  const headingId = useId();
  return (
    <section className="article-section" data-testid="section" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {section.heading}
      </Heading>
      <ul className="bullets">
        {section.bullets.map((bullet, index) => (
          <BulletItem
            key={`${index}:${bullet.text.slice(0, 40)}`}
            bullet={bullet}
            references={references}
            refPrefix={refPrefix}
          />
        ))}
      </ul>
    </section>
  );
}
