import { useState } from 'react';
import { api, type Passage, type Reference } from './api';

const cache = new Map<string, Promise<Passage>>();

/** A citation number linking to its reference; on hover or focus it shows the cited passage. */
export function Citation({ n, evidence, reference }: { n: number; evidence: string | undefined; reference: Reference | undefined }) {
  const [open, setOpen] = useState(false);
  const [passage, setPassage] = useState<Passage | null>(null);
  const show = () => {
    setOpen(true);
    if (evidence && !passage) {
      let request = cache.get(evidence);
      if (!request) {
        request = api.passage(evidence);
        cache.set(evidence, request);
      }
      request.then(setPassage).catch(() => cache.delete(evidence));
    }
  };
  const popoverId = `cite-${n}-${evidence ?? 'ref'}`.replace(/[^\w-]/g, '-');
  return (
    <span className="citation-wrap" onMouseEnter={show} onMouseLeave={() => setOpen(false)}>
      <sup>
        <a href={`#ref-${n}`} data-testid="citation" aria-describedby={open ? popoverId : undefined} onFocus={show} onBlur={() => setOpen(false)}>
          [{n}]
        </a>
      </sup>
      {open && (
        <span role="tooltip" id={popoverId} className="citation-popover" data-testid="citation-popover">
          {passage ? (
            <>
              <span className="popover-source">{reference?.title ?? passage.source?.title}</span>
              <span className="popover-text">{passage.passage.text}</span>
            </>
          ) : (
            <span className="popover-source">{reference ? `${reference.title}${reference.year ? ` (${reference.year})` : ''}` : 'Loading…'}</span>
          )}
        </span>
      )}
    </span>
  );
}
