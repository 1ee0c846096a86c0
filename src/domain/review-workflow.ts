/**
 * The editorial workflow of a versioned document (a kept answer or a knowledge-base topic):
 * submitted → under_review → approved, or → changes_requested → (revised) submitted; any
 * live version can be retired. Pure: storage applies it with optimistic locking.
 */
export const VERSION_STATES = ['submitted', 'under_review', 'changes_requested', 'approved', 'retired'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export const REVIEW_ACTIONS = ['start_review', 'approve', 'request_changes', 'resubmit', 'retire'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const TRANSITIONS: Record<VersionState, Partial<Record<ReviewAction, VersionState>>> = {
  submitted: { start_review: 'under_review', retire: 'retired' },
  under_review: { approve: 'approved', request_changes: 'changes_requested', retire: 'retired' },
  changes_requested: { resubmit: 'submitted', retire: 'retired' },
  approved: { retire: 'retired' },
  retired: {},
};

export type TransitionResult =
  | { ok: true; state: VersionState }
  | { ok: false; current: VersionState; allowed: ReviewAction[] };

export function applyReviewAction(state: VersionState, action: ReviewAction): TransitionResult {
  const next = TRANSITIONS[state][action];
  if (next) return { ok: true, state: next };
  return { ok: false, current: state, allowed: allowedActions(state) };
}

export function allowedActions(state: VersionState): ReviewAction[] {
  return Object.keys(TRANSITIONS[state]) as ReviewAction[];
}
