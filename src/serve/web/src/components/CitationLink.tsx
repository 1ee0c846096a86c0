import { useEffect, useId, useRef, useState } from 'react';
import type { Reference } from '../lib/types';
import { CitationPopover } from './CitationPopover';

interface CitationLinkProps {
  n: number;
  reference: Reference | undefined;
  /** Passage ids behind the statement; the popover shows the one matching this reference. */
  evidence: string[];
  /** The id of the reference list entry, e.g. "ref-3". */
  targetId: string;
}

/** A superscript [n] that jumps to the reference and, on hover or focus, shows the cited passage. */
export function CitationLink({ n, reference, evidence, targetId }: CitationLinkProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const closeTimer = useRef<number | undefined>(undefined);
  const popoverId = useId();
  const open = (hovered || focused) && !dismissed;

  useEffect(() => () => window.clearTimeout(closeTimer.current), []);

  // Escape dismisses the popover wherever focus is (WCAG 1.4.13).
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const enter = () => {
    window.clearTimeout(closeTimer.current);
    setHovered(true);
    setDismissed(false);
  };
  const leave = () => {
    window.clearTimeout(closeTimer.current);
    closeTimer.current = window.setTimeout(() => setHovered(false), 150);
  };

  return (
    <span className="citation" onMouseEnter={enter} onMouseLeave={leave}>
      <sup>
        <a
          href={`#${targetId}`}
          className="citation-link"
          data-testid="citation"
          aria-label={`Reference ${n}`}
          aria-describedby={open ? popoverId : undefined}
          onFocus={() => {
            setFocused(true);
            setDismissed(false);
          }}
          onBlur={() => setFocused(false)}
          onClick={() => document.getElementById(targetId)?.focus({ preventScroll: true })}
        >
          [{n}]
        </a>
      </sup>
      {open && <CitationPopover id={popoverId} n={n} reference={reference} evidence={evidence} />}
    </span>
  );
}
