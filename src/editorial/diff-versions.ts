import { diffArrays, diffWords } from 'diff';
import type { Article } from '../domain/article.js';

/** A word-level change inside a statement that was edited. */
interface WordChange {
  change: 'added' | 'removed' | 'unchanged';
  text: string;
}

export interface VersionDiffLine {
  change: 'added' | 'removed' | 'unchanged' | 'changed';
  section: string;
  /** The statement as it reads in the newer version (the older one for a removed statement). */
  text: string;
  /** For a changed statement: what changed, word by word. */
  words?: WordChange[];
}

interface Line {
  section: string;
  text: string;
}

function linesOf(article: Article): Line[] {
  return [
    { section: 'Bottom line', text: article.bottomLine.text },
    ...article.sections.flatMap((section) =>
      section.bullets.map((bullet) => ({ section: section.heading, text: bullet.text })),
    ),
    ...article.references.map((reference) => ({
      section: 'References',
      text: `${reference.title} (${reference.year ?? 'n.d.'})`,
    })),
  ];
}

/**
 * What a reviewer needs to see between two versions, in document order: statements added,
 * removed or unchanged, and a statement edited in place shown word by word.
 */
export function diffVersions(before: Article, after: Article): VersionDiffLine[] {
  const key = (line: Line) => `${line.section}\u0000${line.text}`;
  const old = linesOf(before);
  const next = linesOf(after);
  const parts = diffArrays(old.map(key), next.map(key));
  const result: VersionDiffLine[] = [];
  let oldAt = 0;
  let nextAt = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (!part) continue;
    const count = part.value.length;
    if (!part.added && !part.removed) {
      for (const line of next.slice(nextAt, nextAt + count)) result.push({ change: 'unchanged', ...line });
      oldAt += count;
      nextAt += count;
      continue;
    }
    const following = parts[index + 1];
    if (part.removed && following?.added) {
      // Removed then added: statements of the same section edited in place pair up, word by word.
      const removed = old.slice(oldAt, oldAt + count);
      const added = next.slice(nextAt, nextAt + following.value.length);
      const paired = Math.min(removed.length, added.length);
      for (let at = 0; at < Math.max(removed.length, added.length); at++) {
        const was = removed[at];
        const now = added[at];
        if (at < paired && was && now && was.section === now.section) {
          result.push({
            change: 'changed',
            section: now.section,
            text: now.text,
            words: diffWords(was.text, now.text).map((word) => ({
              change: word.added ? 'added' : word.removed ? 'removed' : 'unchanged',
              text: word.value,
            })),
          });
        } else {
          if (was) result.push({ change: 'removed', ...was });
          if (now) result.push({ change: 'added', ...now });
        }
      }
      oldAt += count;
      nextAt += following.value.length;
      index++;
      continue;
    }
    if (part.removed) {
      for (const line of old.slice(oldAt, oldAt + count)) result.push({ change: 'removed', ...line });
      oldAt += count;
    } else {
      for (const line of next.slice(nextAt, nextAt + count)) result.push({ change: 'added', ...line });
      nextAt += count;
    }
  }
  return result;
}
