/** A range of values a statement applies to, bounds inclusive (Infinity when open). */
export interface Interval {
  low: number;
  high: number;
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const PATTERNS: Array<[RegExp, (a: number, b: number) => Interval]> = [
  [new RegExp(String.raw`\bbetween ${NUM}\s*(?:and|to)\s*${NUM}`, 'iu'), (a, b) => ({ low: a, high: b })],
  // "2 to under 6 years": the upper bound is not included.
  [
    new RegExp(String.raw`${NUM}\s*(?:-|–|to)\s*(?:under|less than|below|<)\s*${NUM}`, 'iu'),
    (a, b) => ({ low: a, high: b - 1e-9 }),
  ],
  [new RegExp(String.raw`${NUM}\s*(?:-|–|—|to)\s*${NUM}`, 'iu'), (a, b) => ({ low: a, high: b })],
  [
    new RegExp(String.raw`(?:below|under|less than|lower than|younger than|<)\s*${NUM}`, 'iu'),
    (a) => ({ low: -Infinity, high: a - 1e-9 }),
  ],
  [
    new RegExp(String.raw`(?:≤|=<|up to|no more than|at most|not more than)\s*${NUM}`, 'iu'),
    (a) => ({ low: -Infinity, high: a }),
  ],
  [
    new RegExp(String.raw`${NUM}\s*(?:[a-zµ/.%\d² ]{0,20}?)\s*or (?:less|lower|below|under)`, 'iu'),
    (a) => ({ low: -Infinity, high: a }),
  ],
  [
    new RegExp(String.raw`(?:above|over|greater than|more than|exceeding|higher than|older than|>)\s*${NUM}`, 'iu'),
    (a) => ({ low: a + 1e-9, high: Infinity }),
  ],
  [new RegExp(String.raw`(?:≥|>=|at least|of at least)\s*${NUM}`, 'iu'), (a) => ({ low: a, high: Infinity })],
  [
    new RegExp(
      String.raw`${NUM}\s*(?:[a-zµ/.%\d² ]{0,20}?)\s*(?:or (?:more|higher|above|greater|over|older)|and (?:older|over|above))`,
      'iu',
    ),
    (a) => ({ low: a, high: Infinity }),
  ],
];

const number = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));

/**
 * The value ranges a statement gives for a quantity: near each place the statement names it
 * ("creatinine clearance 15-29 mL/min", "CrCl below 30", "eGFR of 45 or more"), the bounds
 * written right after the name, or just before it.
 */
export function readThresholds(text: string, aliases: RegExp[], unit?: RegExp): Interval[] {
  const intervals: Interval[] = [];
  // Tables of bands after one mention ("creatinine clearance: 30 to 59 mL/min, ...; 15 to 29 mL/min, ..."):
  // every range written with the quantity's unit counts.
  if (unit && aliases.some((alias) => alias.test(text))) intervals.push(...unitIntervals(text, unit));
  for (const alias of aliases) {
    const global = new RegExp(alias.source, 'giu');
    for (const match of text.matchAll(global)) {
      const end = (match.index ?? 0) + match[0].length;
      const after = text.slice(end, end + 45).split(/[;.](?:\s|$)/)[0] ?? '';
      const before = text.slice(Math.max(0, (match.index ?? 0) - 30), match.index ?? 0);
      for (const window of [after, before]) {
        const found = firstInterval(window);
        if (found) {
          intervals.push(found);
          break;
        }
      }
    }
  }
  return intervals;
}

/** Every range written with the unit right after it ("15 to 29 mL/min", "below 30 mL/min"). */
function unitIntervals(text: string, unit: RegExp): Interval[] {
  const intervals: Interval[] = [];
  for (const [pattern, make] of PATTERNS) {
    for (const match of text.matchAll(new RegExp(pattern.source, 'giu'))) {
      const end = (match.index ?? 0) + match[0].length;
      const before = text.slice(Math.max(0, (match.index ?? 0) - 1), match.index ?? 0);
      if (/[\d.,]/.test(before)) continue;
      // The unit after the range ("15 to 29 mL/min") or inside it ("12 years and older").
      const unitAt = new RegExp(`^\\s*${unit.source}`, 'iu');
      const first = match[0].indexOf(match[1] ?? '') + (match[1] ?? '').length;
      const inside = match[2] === undefined && unitAt.test(match[0].slice(first));
      if (!inside && !unitAt.test(text.slice(end, end + 20))) continue;
      intervals.push(make(number(match[1]), number(match[2])));
    }
  }
  return intervals;
}

function firstInterval(window: string): Interval | null {
  let best: { at: number; interval: Interval } | null = null;
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(window);
    if (!match) continue;
    const interval = make(number(match[1]), number(match[2]));
    if (!best || (match.index ?? 0) < best.at) best = { at: match.index ?? 0, interval };
  }
  return best?.interval ?? null;
}

export function contains(intervals: Interval[], value: number): boolean {
  return intervals.some((interval) => value >= interval.low && value <= interval.high);
}

/**
 * How precisely the ranges cover a value: 1 for a closed range that contains it ("5.7-6.4%"),
 * `open` for an open one ("below 7%"), null when none contains it.
 */
export function coverage(intervals: Interval[], value: number, open: number): number | null {
  let best: number | null = null;
  for (const interval of intervals) {
    if (value < interval.low || value > interval.high) continue;
    const fit = Number.isFinite(interval.low) && Number.isFinite(interval.high) ? 1 : open;
    best = Math.max(best ?? 0, fit);
  }
  return best;
}

/**
 * In a statement that lists bands ("30 to 59 mL/min, 400 to 1,400 mg per day; 15 to 29 mL/min,
 * 200 to 700 mg per day"), the clause for the band that contains a value, verbatim; null when
 * the statement has fewer than two bands or none contains it.
 */
export function bandClause(text: string, unit: RegExp, value: number): string | null {
  const clauses = text.split(/;\s+/);
  const banded = clauses.filter((clause) => unitIntervals(clause, unit).length > 0);
  if (banded.length < 2) return null;
  const hit = banded.find((clause) => contains(unitIntervals(clause, unit), value));
  return hit
    ? hit
        .trim()
        .replace(/^[^:]*:\s*(?=\d)/, '')
        .replace(/[.]$/, '')
    : null;
}
