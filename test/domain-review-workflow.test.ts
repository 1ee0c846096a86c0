import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REVIEW_ACTIONS,
  VERSION_STATES,
  allowedActions,
  applyReviewAction,
  type VersionState,
} from '../src/domain/review-workflow.js';

describe('review workflow', () => {
  it('follows submitted → under review → approved, and changes requested → resubmitted', () => {
    let state: VersionState = 'submitted';
    for (const action of ['start_review', 'request_changes', 'resubmit', 'start_review', 'approve'] as const) {
      const result = applyReviewAction(state, action);
      expect(result.ok).toBe(true);
      if (result.ok) state = result.state;
    }
    expect(state).toBe('approved');
  });

  it('refuses every other transition with the current state and what is allowed (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VERSION_STATES),
        fc.array(fc.constantFrom(...REVIEW_ACTIONS), { maxLength: 12 }),
        (start, actions) => {
          let state: VersionState = start;
          for (const action of actions) {
            const result = applyReviewAction(state, action);
            if (result.ok) {
              expect(allowedActions(state)).toContain(action);
              // Approval only ever comes from a review in progress.
              if (result.state === 'approved') expect([state, action]).toEqual(['under_review', 'approve']);
              state = result.state;
            } else {
              expect(result.current).toBe(state);
              expect(result.allowed).not.toContain(action);
            }
          }
          if (start === 'retired') expect(state).toBe('retired');
        },
      ),
    );
  });
});
