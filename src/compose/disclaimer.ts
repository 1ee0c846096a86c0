import type { Audience } from '../domain/audience.js';
import type { ReviewStatus } from '../domain/review-status.js';

export function disclaimerFor(audience: Audience): string {
  if (audience === 'patient') {
    return 'This information is for education only and does not replace advice from your own doctor, nurse or pharmacist, who know your situation. Do not start, stop or change a medicine because of it. If you think you have an emergency, call your local emergency number.';
  }
  return 'For healthcare professionals, as an aid to clinical judgement, not a substitute for it. Statements summarise the cited sources; check doses, contraindications and local guidance before acting, and verify against the primary sources.';
}

export function reviewNotice(status: ReviewStatus): string {
  return status === 'approved'
    ? 'Reviewed by the medical advisory board'
    : 'Educational purpose only · content pending human review';
}
