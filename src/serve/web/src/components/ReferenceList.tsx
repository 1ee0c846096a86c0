import { useId } from 'react';
import type { Reference } from '../lib/types';
import { Heading, type HeadingLevel } from './Heading';
import { ReferenceItem } from './ReferenceItem';

interface ReferenceListProps {
  references: Reference[];
  level: HeadingLevel;
  refPrefix: string;
}

export function ReferenceList({ references, level, refPrefix }: ReferenceListProps) {
  const headingId = useId();
  return (
    <section className="references" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        References
      </Heading>
      <ol className="reference-list">
        {references.map((reference) => (
          <ReferenceItem key={reference.n} reference={reference} id={`${refPrefix}ref-${reference.n}`} />
        ))}
      </ol>
    </section>
  );
}
