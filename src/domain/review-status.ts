export const REVIEW_STATUSES = ['submitted', 'under_review', 'approved'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** An article is as reviewed as its least-reviewed content. */
export function leastReviewed(statuses: ReviewStatus[]): ReviewStatus {
  let worst: ReviewStatus = 'approved';
  for (const status of statuses) {
    if (REVIEW_STATUSES.indexOf(status) < REVIEW_STATUSES.indexOf(worst)) worst = status;
  }
  return worst;
}
