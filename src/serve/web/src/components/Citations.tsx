import type { Reference } from '../lib/types';
import { CitationLink } from './CitationLink';

interface CitationsProps {
  citations: number[];
  evidence: string[];
  references: Map<number, Reference>;
  refPrefix: string;
}

/** The citation markers after a statement. */
export function Citations({ citations, evidence, references, refPrefix }: CitationsProps) {
  return (
    <>
      {citations.map((n) => (
        <CitationLink
          key={n}
          n={n}
          reference={references.get(n)}
          evidence={evidence}
          targetId={`${refPrefix}ref-${n}`}
        />
      ))}
    </>
  );
}
