import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IndexUnit } from '../indexing/search-index.js';
import { parseTopicFile, type TopicProblem } from './parse-topic-file.js';
import { checkReferenceIdentity } from './check-reference-identity.js';

interface KnowledgeBaseFileReport {
  file: string;
  topicId: string | null;
  specialty: string | null;
  statements: number;
  problems: TopicProblem[];
}

export interface KnowledgeBase {
  units: IndexUnit[];
  files: KnowledgeBaseFileReport[];
  /** Problems that span files (duplicate topic ids). */
  problems: Array<TopicProblem & { file: string }>;
  /** Content hash of every topic file: the index re-reads the folder when it changes. */
  fingerprint: string;
}

/** Lists the topic files of a knowledge-base folder (every .md but README.md), sorted. */
function listTopicFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') files.push(path);
    }
  };
  if (statSync(root, { throwIfNoEntry: false })?.isDirectory()) walk(root);
  return files.sort();
}

export function fingerprintKnowledgeBase(root: string): string {
  const hash = createHash('sha256');
  for (const file of listTopicFiles(root)) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Reads and validates every topic of a knowledge-base folder. Invalid topics are left out of `units`. */
export function readKnowledgeBase(root: string): KnowledgeBase {
  const units: IndexUnit[] = [];
  const files: KnowledgeBaseFileReport[] = [];
  const problems: KnowledgeBase['problems'] = [];
  const seen = new Map<string, string>();
  const hash = createHash('sha256');
  for (const file of listTopicFiles(root)) {
    const content = readFileSync(file, 'utf8');
    hash.update(relative(root, file)).update('\0').update(content).update('\0');
    const parsed = parseTopicFile(file, content);
    const topic = parsed.unit?.topic;
    files.push({
      file,
      topicId: topic?.id ?? null,
      specialty: topic?.specialty ?? null,
      statements: parsed.statements,
      problems: parsed.problems,
    });
    if (!parsed.unit || !topic) continue;
    const earlier = seen.get(topic.id);
    if (earlier) {
      problems.push({
        file,
        severity: 'error',
        location: 'front matter: id',
        message: `duplicate topic id "${topic.id}" (also in ${earlier})`,
      });
      continue;
    }
    seen.set(topic.id, file);
    units.push(parsed.unit);
  }
  problems.push(...checkReferenceIdentity(units));
  return { units, files, problems, fingerprint: hash.digest('hex') };
}
