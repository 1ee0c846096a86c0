import type { User } from '../domain/editorial.js';
import { VesaliusError } from '../domain/errors.js';
import type { EditorialRepository } from '../storage/editorial-repository.js';
import { can } from './review-service.js';

/**
 * A document as its reviewer page shows it: every version, every version's comments and the
 * audit log with people's names (not ids), and what this reader may do, so the page offers
 * only those actions (the service still checks each one).
 */
export async function documentView(repository: EditorialRepository, documentId: string, user: User) {
  const document = await repository.getDocument(documentId);
  if (!document) throw new VesaliusError('NOT_FOUND', `No document ${documentId}.`);
  const versions = await repository.listVersions(document.id);
  const people = new Map((await repository.listUsers()).map((person) => [person.id, person]));
  const nameOf = (id: string | null) => {
    const person = id ? people.get(id) : undefined;
    return person ? `${person.displayName}${person.credentials ? `, ${person.credentials}` : ''}` : null;
  };
  const comments = (
    await Promise.all(versions.map((version) => repository.listComments(document.id, version.number)))
  ).flat();
  return {
    document,
    versions,
    comments: comments.map((comment) => ({ ...comment, author: nameOf(comment.authorId) })),
    audit: (await repository.listAudit({ documentId: document.id })).map((entry) => ({
      ...entry,
      actor: nameOf(entry.actorId),
    })),
    permissions: {
      review: can(user, 'documents.review'),
      revise: can(user, 'documents.revise'),
      // Separation of duties: a version's author is not offered its approval.
      approveCurrent:
        can(user, 'documents.review') &&
        versions.find((version) => version.number === document.currentVersion)?.createdBy !== user.id,
    },
  };
}
