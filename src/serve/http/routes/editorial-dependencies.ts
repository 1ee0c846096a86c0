import type { AuthService } from '../../../editorial/auth-service.js';
import type { ReviewService } from '../../../editorial/review-service.js';
import type { EditorialRepository } from '../../../storage/editorial-repository.js';

/** What the editorial API needs, built in the composition root. */
export interface EditorialDependencies {
  review: ReviewService;
  auth: AuthService;
  repository: EditorialRepository;
  /** Cookies get the Secure flag (set when served over HTTPS). */
  secureCookies: boolean;
}
