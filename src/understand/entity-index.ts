import type { SynonymGroup } from '../domain/clinical-rules.js';
import type { Entity } from '../domain/question-facets.js';
import { type Topic, topicNames } from '../domain/topic.js';
import { TermMatcher } from '../retrieve/term-matcher.js';
import { titleFormsOf } from './title-forms.js';
import { tokenize, tokenizeKeepCase } from '../text/tokenize.js';
import { uniqueNames } from '../text/unique-names.js';

interface NameTargets {
  drugs: Set<string>;
  conditions: Set<string>;
  related: Set<string>;
  group: number | null;
}

export interface FoundEntity {
  entity: Entity;
  start: number;
  end: number;
}

/** "mammograms" and "mammogram" are one name: a light singular on lower-case words. */
const singular = (token: string) =>
  token.length > 4 && /^[a-z]+s$/.test(token) && !/(ss|us|is)$/.test(token) ? token.slice(0, -1) : token;
const keys = new Map<string, string>();
/** A name as compared: lower-case words, lightly singular (memoised: the same names recur across topics). */
const key = (name: string) => {
  let value = keys.get(name);
  if (value === undefined) {
    value = tokenize(name).map(singular).join(' ');
    if (keys.size > 200_000) keys.clear();
    keys.set(name, value);
  }
  return value;
};
const normalizeName = (name: string) => tokenizeKeepCase(name).map(singular).join(' ');
/** Units and dosing words that are also someone's abbreviation. */
const UNIT_WORDS = new Set(['mcg', 'meq', 'mmol', 'iu', 'bid', 'tid', 'qid', 'prn', 'otc', 'po']);

/**
 * Every name Vesalius knows, and what each names: a drug monograph, a condition topic (by
 * its title or an equivalent abbreviation), a topic that merely lists it, or a group of
 * equivalent terms. Finds them in a question, longest first.
 */
export class EntityIndex {
  private readonly targets = new Map<string, NameTargets>();
  private readonly matcher: TermMatcher;
  private readonly parts = new Map<string, string[]>();
  private readonly spelled = new Map<string, string>();
  private readonly names: string[] = [];
  private readonly topicsById: Map<string, Topic>;
  /** Equivalent names per topic: a drug's names; a condition's title forms and abbreviations. */
  private readonly topicEquivalents = new Map<string, string[]>();

  constructor(
    topics: Topic[],
    private readonly groups: SynonymGroup[],
    /** British and American stems ([british, american]): names match in either spelling. */
    private readonly variants: ReadonlyArray<readonly [string, string]> = [],
  ) {
    this.topicsById = new Map(topics.map((topic) => [topic.id, topic]));
    const drugNameKeys = new Set<string>();
    for (const topic of topics) {
      if (topic.kind !== 'drug') continue;
      const names = topicNames(topic);
      this.topicEquivalents.set(topic.id, names);
      for (const name of names) {
        this.targetOf(name).drugs.add(topic.id);
        drugNameKeys.add(key(name));
      }
    }
    const groupKeys = new Set(groups.flatMap((group) => [...group.terms, ...group.members].map(key)));
    // Each term's key once, and the groups each key belongs to (the topics below look them up many times).
    const termKeys = groups.map((group) => group.terms.map(key));
    const groupsOfKey = new Map<string, number[]>();
    termKeys.forEach((keys, index) => {
      for (const termKey of keys) groupsOfKey.set(termKey, [...(groupsOfKey.get(termKey) ?? []), index]);
    });
    const titleWordSynonyms: Array<[string, string]> = [];
    for (const topic of topics) {
      if (topic.kind === 'drug') continue;
      const titleForms = titleFormsOf(topic);
      const titleWords = new Set(titleForms.flatMap((form) => tokenize(form)).filter((word) => word.length > 3));
      // "VTE" in the title stands for "venous thromboembolism": the group's words count as the title's.
      const titleText = ` ${titleForms.map(key).join(' ')} `;
      termKeys.forEach((keys) => {
        if (keys.some((termKey) => termKey && titleText.includes(` ${termKey} `))) {
          for (const word of keys.flatMap((termKey) => termKey.split(' '))) if (word.length > 3) titleWords.add(word);
        }
      });
      const equivalents = [...titleForms];
      for (const synonym of topic.synonyms) {
        const synonymKey = key(synonym);
        if (!synonymKey || drugNameKeys.has(synonymKey)) {
          if (synonymKey) this.targetOf(synonym).related.add(topic.id);
          continue;
        }
        const abbreviation = isInitialism(synonym, titleForms) || inGroupWith(synonymKey, titleForms, groupsOfKey);
        const words = tokenize(synonym);
        const withinTitle = words.length >= 2 && words.every((word) => titleWords.has(word) || word.length <= 3);
        const shared = words.filter((word) => titleWords.has(word)).length;
        const sharesTitle = (shared >= 2 && !groupKeys.has(synonymKey)) || withinTitle;
        if (abbreviation || sharesTitle) equivalents.push(synonym);
        else {
          this.targetOf(synonym).related.add(topic.id);
          if (words.length === 1 && titleWords.has(words[0] ?? '')) titleWordSynonyms.push([topic.id, synonym]);
        }
      }
      this.topicEquivalents.set(topic.id, equivalents);
      for (const name of equivalents) this.targetOf(name).conditions.add(topic.id);
    }
    // "Sinusitis" for "Acute rhinosinusitis (acute sinusitis)": a one-word synonym that is a word of
    // the title names the topic, when no other topic is named by it.
    for (const [topicId, synonym] of titleWordSynonyms) {
      const target = this.targetOf(synonym);
      if (target.conditions.size > 0 || target.drugs.size > 0) continue;
      if (titleWordSynonyms.some(([other, name]) => other !== topicId && key(name) === key(synonym))) continue;
      target.conditions.add(topicId);
      this.topicEquivalents.get(topicId)?.push(synonym);
    }
    groups.forEach((group, index) => {
      for (const term of group.terms) {
        const target = this.targetOf(term);
        if (target.group === null) target.group = index;
      }
    });
    this.matcher = new TermMatcher(
      this.names.map((name) => [
        normalizeName(name)
          .split(' ')
          .map((token) => (token === token.toUpperCase() ? token : this.american(token.toLowerCase())))
          .join(' '),
      ]),
    );
  }

  /** The topic's equivalent names (for matching statements that speak of it). */
  equivalentsOf(topicId: string): string[] {
    return this.topicEquivalents.get(topicId) ?? [];
  }

  /** Drug monographs a name belongs to ("omeprazole" → the omeprazole monograph). */
  drugTopicsOf(name: string): string[] {
    return [...(this.targets.get(key(name))?.drugs ?? [])];
  }

  /** A topic that covers two conditions ("Scabies and head lice"): its parts, each a name of its own. */
  partsOf(topicId: string): string[] {
    let parts = this.parts.get(topicId);
    if (!parts) {
      parts = this.computePartsOf(topicId);
      this.parts.set(topicId, parts);
    }
    return parts;
  }

  private computePartsOf(topicId: string): string[] {
    const topic = this.topicsById.get(topicId);
    if (!topic) return [];
    // "Vaginitis (bacterial vaginosis, vulvovaginal candidiasis and trichomoniasis)": the listed kinds.
    // Only a condition's kinds each known by name (a drug's brands are one drug).
    const synonyms = new Set(topic.synonyms.map((synonym) => synonym.toLowerCase()));
    const listed = [...topic.title.matchAll(/\(([^)]+)\)/g)]
      .map((inner) => listItems(inner[1] ?? '').filter((item) => synonyms.has(item.toLowerCase())))
      .find((items) => items.length >= 2);
    if (listed && topic.kind !== 'drug') return listed;
    const forms = titleFormsOf(topic);
    const bare = topic.title.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    return forms.filter(
      (form) =>
        (form !== topic.title && form !== bare && bare.toLowerCase().includes(` and ${form.toLowerCase()}`)) ||
        bare.toLowerCase().startsWith(`${form.toLowerCase()} and `),
    );
  }

  /** A token in American spelling ("diarrhoea" → "diarrhea"), so either spelling names the same thing. */
  private american(token: string): string {
    const known = this.spelled.get(token);
    if (known !== undefined) return known;
    const spelled = this.respell(token);
    if (this.spelled.size < 50_000) this.spelled.set(token, spelled);
    return spelled;
  }

  private respell(token: string): string {
    let spelled = token;
    for (const [british, american] of this.variants)
      if (spelled.includes(british)) spelled = spelled.replace(british, american);
    return spelled;
  }

  topic(id: string): Topic | undefined {
    return this.topicsById.get(id);
  }

  /** Entities named in a text, in order, with their token positions. */
  find(text: string): FoundEntity[] {
    const raw = tokenizeKeepCase(text);
    const original = raw.map(singular);
    const tokens = original.map((token) => this.american(token.toLowerCase()));
    const found: FoundEntity[] = [];
    for (const match of this.matcher.match(tokens, original)) {
      const name = this.names[match.group] ?? '';
      const target = this.targets.get(key(name));
      if (!target) continue;
      const label = raw.slice(match.start, match.end).join(' ');
      found.push({ entity: this.entityFor(label, target), start: match.start, end: match.end });
    }
    return found;
  }

  /** The entity a known topic or drug id stands for (used to carry a thread's subject forward). */
  entityForTopic(topicId: string, origin: Entity['origin']): Entity | null {
    const topic = this.topicsById.get(topicId);
    if (!topic) return null;
    const names = this.topicEquivalents.get(topicId) ?? [topic.title];
    return {
      label: topic.drug?.generic ?? topic.title,
      name: topic.drug?.generic ?? titleFormsOf(topic)[1] ?? topic.title,
      kind: topic.kind === 'drug' ? 'drug' : 'condition',
      names,
      topics: [topicId],
      relatedTopics: [],
      members: [],
      origin,
      background: false,
    };
  }

  private entityFor(label: string, target: NameTargets): Entity {
    const group = target.group === null ? null : (this.groups[target.group] ?? null);
    const groupTerms = group?.terms ?? [];
    const base = {
      label,
      relatedTopics: [...target.related],
      members: group?.members ?? [],
      ...(group?.treats ? { treats: group.treats } : {}),
      origin: 'question' as const,
      background: false,
    };
    if (target.drugs.size > 0) {
      const topics = [...target.drugs];
      const names = uniqueNames([...topics.flatMap((id) => this.topicEquivalents.get(id) ?? []), ...groupTerms, label]);
      const first = this.topicsById.get(topics[0] ?? '');
      const generic = (first?.drug?.generic ?? label).toLowerCase();
      // The classes it belongs to, so "NSAIDs" in a statement speaks of ibuprofen.
      const classes = this.groups.filter((other) => other.members?.some((member) => member.toLowerCase() === generic));
      const classNames = uniqueNames(classes.flatMap((other) => other.terms));
      const siblings = uniqueNames(
        classes.flatMap((other) => other.members ?? []).filter((member) => member.toLowerCase() !== generic),
      );
      return {
        ...base,
        name: first?.drug?.generic ?? label,
        kind: 'drug',
        names,
        topics,
        ...(classNames.length > 0 ? { classNames } : {}),
        ...(siblings.length > 0 ? { siblings } : {}),
      };
    }
    // "NSIP pattern": a name that contains a topic's own name is about that topic.
    if (target.conditions.size === 0 && target.drugs.size === 0) {
      const labelKey = ` ${key(label)} `;
      for (const id of target.related) {
        if (
          (this.topicEquivalents.get(id) ?? []).some(
            (name) => key(name).length > 2 && labelKey.includes(` ${key(name)} `),
          )
        ) {
          target.conditions.add(id);
        }
      }
    }
    if (group && target.conditions.size === 0) {
      for (const term of group.terms)
        for (const id of this.targets.get(key(term))?.conditions ?? []) target.conditions.add(id);
    }
    if (group && group.members.length > 0) {
      return {
        ...base,
        name: groupTerms[0] ?? label,
        kind: 'class',
        names: uniqueNames([...groupTerms, label]),
        topics: [...target.conditions],
      };
    }
    if (target.conditions.size > 0) {
      // "Type 2 diabetes" names both "Type 2 diabetes mellitus" and "Type 2 diabetes with CKD":
      // the topic whose whole title is the name first, a combination ("… with …") last, then the
      // most general (shortest) title.
      const titleOf = (id: string) => this.topicsById.get(id)?.title ?? id;
      const rank = (id: string) => {
        const bare = titleOf(id)
          .replace(/\s*\([^)]*\)\s*/g, ' ')
          .trim();
        if (key(bare) === key(label)) return 0;
        return / with /i.test(bare) && !/ with /i.test(label) ? 2 : 1;
      };
      const topics = [...target.conditions].sort((a, b) => rank(a) - rank(b) || titleOf(a).length - titleOf(b).length);
      // In a two-condition topic ("Scabies and head lice"), a question about one part is not about the other.
      const otherWords = topics.flatMap((id) => {
        const parts = this.partsOf(id);
        const asked = parts.find((part) => key(label).includes(key(part)) || key(part).includes(key(label)));
        if (!asked) return [];
        const askedWords = new Set(key(asked).split(' '));
        return parts
          .filter((part) => part !== asked)
          .flatMap((part) => key(part).split(' '))
          .filter((word) => word.length > 3 && !askedWords.has(word));
      });
      const names = uniqueNames([
        ...topics.flatMap((id) => this.topicEquivalents.get(id) ?? []),
        ...groupTerms,
        label,
      ]).filter(
        (name) =>
          !key(name)
            .split(' ')
            .some((word) => otherWords.includes(word)),
      );
      const first = this.topicsById.get(topics[0] ?? '');
      return {
        ...base,
        name: first ? (titleFormsOf(first)[1] ?? first.title) : label,
        kind: 'condition',
        names,
        topics,
      };
    }
    return {
      ...base,
      name: groupTerms[0] ?? label,
      kind: 'term',
      names: uniqueNames([...groupTerms, label]),
      topics: [],
    };
  }

  private targetOf(name: string): NameTargets {
    const nameKey = key(name);
    // Bare numbers and single letters name nothing ("1" from "type 1" in a synonym list).
    // Bare numbers, single letters and two-letter symbols ("Mg", "Fe") name nothing reliably (capital
    // abbreviations such as "AF" and "RA" do):
    // "40 mg" is a dose, not magnesium.
    const shortButCapital = nameKey.length === 2 && /^[A-Z]{2}$/.test(name.trim());
    if ((nameKey.length <= 2 && !shortButCapital) || !/[a-z]/.test(nameKey) || UNIT_WORDS.has(nameKey)) {
      return { drugs: new Set(), conditions: new Set(), related: new Set(), group: null };
    }
    let target = this.targets.get(nameKey);
    if (!target) {
      target = { drugs: new Set(), conditions: new Set(), related: new Set(), group: null };
      this.targets.set(nameKey, target);
      this.names.push(name);
    }
    return target;
  }
}

/** "AF" for "Atrial fibrillation", "CAP" for "Community-acquired pneumonia": the title's initials. */
function isInitialism(name: string, titleForms: string[]): boolean {
  if (!/^[A-Z][A-Za-z0-9-]{1,7}$/.test(name) || !/[A-Z].*[A-Z]/.test(name)) return false;
  const letters = name.toLowerCase().replace(/[^a-z]/g, '');
  return titleForms.some((form) => {
    const words = tokenize(form).filter((word) => !['of', 'and', 'the', 'with', 'in', 'a', 'to', 'for'].includes(word));
    const initials = words.map((word) => word[0]).join('');
    return (
      initials === letters || (initials.startsWith(letters) && letters.length >= 2 && letters.length === words.length)
    );
  });
}

/** A name in the same reviewed synonym group as one of the title's forms. */
function inGroupWith(nameKey: string, titleForms: string[], groupsOfKey: Map<string, number[]>): boolean {
  const nameGroups = groupsOfKey.get(nameKey) ?? [];
  return titleForms.some((form) => (groupsOfKey.get(key(form)) ?? []).some((group) => nameGroups.includes(group)));
}

/**
 * "Atrial fibrillation (AF)" → the title, "Atrial fibrillation" and "AF"; "Asthma in adults
 * and adolescents" → also "Asthma"; "Scabies and head lice" → also "Scabies" and "head lice"
 * when the editors list them as synonyms.
 */

/** The items of a list in a title's brackets ("a, b and c"); a single name is not a list. */
function listItems(text: string): string[] {
  const items = text
    .split(/\s*[;,]\s*|\s+and\s+|\s+or\s+/i)
    .map((item) => item.trim())
    .filter((item) => item.length >= 3);
  return items.length >= 2 ? items : [];
}
