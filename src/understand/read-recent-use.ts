import type { Entity, RecentUse } from '../domain/question-facets.js';

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30 };

/** "three weeks ago", "2 days ago", "last month", "recently". */
const WHEN =
  /\b(?:(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month)s?\s+ago|(?:last|past|previous)\s+(week|month)|(recently|recent))\b/iu;

/** Days ago a "when" phrase names; "recently" counts as within a month. */
function daysAgo(phrase: RegExpExecArray): number {
  if (phrase[1] && phrase[2]) {
    const count = /^\d/.test(phrase[1]) ? Number(phrase[1]) : (NUMBER_WORDS[phrase[1].toLowerCase()] ?? 1);
    return count * (UNIT_DAYS[phrase[2].toLowerCase()] ?? 1);
  }
  if (phrase[3]) return UNIT_DAYS[phrase[3].toLowerCase()] ?? 30;
  return 30;
}

/**
 * Drugs the question says were taken recently ("three weeks ago he completed a course of
 * amoxicillin"): a drug and a time in the past in one sentence. Guidance often turns on them
 * ("if amoxicillin was taken in the past 30 days").
 */
export function readRecentUse(text: string, entities: Entity[]): RecentUse[] {
  const uses: RecentUse[] = [];
  for (const sentence of text.matchAll(/[^.?!]+[.?!]*/g)) {
    const start = sentence.index ?? 0;
    const end = start + sentence[0].length;
    const when = WHEN.exec(sentence[0]);
    if (!when || /\b(will|plan|next|tomorrow)\b/iu.test(sentence[0])) continue;
    for (const entity of entities) {
      if (entity.kind !== 'drug' || !entity.span || entity.span[0] < start || entity.span[1] > end) continue;
      if (uses.some((use) => use.label === entity.label)) continue;
      uses.push({ label: entity.label, names: entity.names, days: daysAgo(when) });
    }
  }
  return uses;
}

/** "in the past 30 days", "within the previous 3 months", "recent use of": the window a statement gives. */
const WINDOW =
  /\b(?:in|within|during|over)\s+the\s+(?:past|last|previous|preceding|prior)\s+(\d{1,3})\s+(day|week|month)s?\b|\b(?:past|last|previous|preceding|prior)\s+(\d{1,3})\s+(day|week|month)s?\b/iu;

/** The window in days a statement's own words give for recent use, or null. */
export function windowDays(text: string): number | null {
  const match = WINDOW.exec(text);
  if (!match) return null;
  const count = Number(match[1] ?? match[3]);
  const unit = (match[2] ?? match[4] ?? 'day').toLowerCase();
  return count * (UNIT_DAYS[unit] ?? 1);
}
