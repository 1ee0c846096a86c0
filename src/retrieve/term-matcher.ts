import { STOPWORDS } from './stopwords.js';
import { tokenize, tokenizeKeepCase } from '../text/tokenize.js';

/** Short words that are also abbreviations: matched only when written in capitals. */
const AMBIGUOUS = new Set(
  'add ads aid aids all am arm as at cad cap car cat cd ed er fit gas go hf hp it ms no pad pal pe ra ras sad sc so tip us was'.split(
    ' ',
  ),
);

interface Entry {
  tokens: string[];
  exact: string[] | null;
  group: number;
}

export interface TermMatch {
  group: number;
  start: number;
  end: number;
  /** True when the group's terms are equivalents (lexicon), false when they only name a topic. */
  equivalent: boolean;
}

/**
 * Finds lexicon terms in a question (longest match first) and tells which group of
 * equivalent terms each belongs to.
 */
export class TermMatcher {
  readonly groups: string[][];
  private readonly byFirstToken = new Map<string, Entry[]>();

  /**
   * `groups[i]` for i < `equivalentGroups` are sets of equivalent terms (expanded into
   * each other); later groups only mark multi-word names to be kept together.
   */
  constructor(
    groups: string[][],
    private readonly equivalentGroups = groups.length,
  ) {
    this.groups = groups;
    for (const [group, terms] of groups.entries()) {
      for (const term of terms) {
        const tokens = tokenize(term);
        if (tokens.length === 0) continue;
        const first = tokens[0] ?? '';
        const isAbbreviation = term === term.toUpperCase() && /[A-Z]/.test(term);
        const needsCase =
          isAbbreviation && tokens.length === 1 && (STOPWORDS.has(first) || AMBIGUOUS.has(first) || first.length <= 1);
        const entry: Entry = { tokens, exact: needsCase ? tokenizeKeepCase(term) : null, group };
        const list = this.byFirstToken.get(first) ?? [];
        list.push(entry);
        this.byFirstToken.set(first, list);
      }
    }
    // Longest first; at equal length, equivalence groups (earlier) win.
    for (const list of this.byFirstToken.values())
      list.sort((a, b) => b.tokens.length - a.tokens.length || a.group - b.group);
  }

  /** `tokens` are lower-case; `original` the same tokens in their original case. */
  match(tokens: string[], original: string[]): TermMatch[] {
    const found: TermMatch[] = [];
    let position = 0;
    while (position < tokens.length) {
      const candidates = this.byFirstToken.get(tokens[position] ?? '') ?? [];
      let matched: Entry | undefined;
      for (const entry of candidates) {
        if (!entry.tokens.every((token, offset) => tokens[position + offset] === token)) continue;
        if (entry.exact && !entry.exact.every((token, offset) => original[position + offset] === token)) continue;
        matched = entry;
        break;
      }
      if (matched) {
        found.push({
          group: matched.group,
          start: position,
          end: position + matched.tokens.length,
          equivalent: matched.group < this.equivalentGroups,
        });
        position += matched.tokens.length;
      } else position += 1;
    }
    return found;
  }
}
