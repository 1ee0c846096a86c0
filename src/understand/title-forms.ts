import type { Topic } from '../domain/topic.js';
import { uniqueNames } from '../text/unique-names.js';

const titleForms = new WeakMap<Topic, string[]>();
/**
 * The names a topic's title gives it: the title, without brackets, each bracketed name, the
 * head before "in/with/for" ("Gout" for "Gout in men"), and parts of an "and" title that are
 * also synonyms. Worked out once per topic.
 */
export function titleFormsOf(topic: Topic): string[] {
  let forms = titleForms.get(topic);
  if (!forms) {
    forms = computeTitleForms(topic);
    titleForms.set(topic, forms);
  }
  return forms;
}

function computeTitleForms(topic: Topic): string[] {
  const forms = [topic.title];
  const bare = topic.title.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (bare && bare !== topic.title) forms.push(bare);
  for (const inner of topic.title.matchAll(/\(([^)]+)\)/g)) {
    for (const part of (inner[1] ?? '').split(/[;,]/)) if (part.trim()) forms.push(part.trim());
  }
  const head = bare.split(/\s+(?:in|with|for)\s+|:\s*/i)[0]?.trim();
  if (head && head !== bare && head.length >= 3) forms.push(head);
  const synonyms = new Set(topic.synonyms.map((synonym) => synonym.toLowerCase()));
  for (const part of (head ?? bare).split(/\s+and\s+/i)) {
    if (part !== head && synonyms.has(part.toLowerCase())) forms.push(part);
  }
  return uniqueNames(forms);
}
