import type { QuestionFacets } from '../domain/question-facets.js';
import { capitalise } from '../text/letter-case.js';
import type { Topic } from '../domain/topic.js';

/**
 * The direct answer's opening words, built from the knowledge base's own data (a monograph's
 * names and class), for questions the statements answer only implicitly: "Is Tylenol the same
 * as paracetamol?" → "Yes: Tylenol and paracetamol are names of the same medicine, acetaminophen."
 * Returns null when no frame applies. The frame is cited with the monograph's naming statement.
 */
/** Words that name a class of medicines rather than one medicine. */
const CLASS_WORD = /\b(inhibitors?|blockers?|agonists?|antagonists?|analogues?|antibiotics?|drugs|medicines|class)\b/iu;

export function frameAnswer(
  facets: QuestionFacets,
  topics: Map<string, Topic>,
): { text: string; topicId: string } | null {
  const drugs = facets.entities.filter(
    (entity) => entity.kind === 'drug' && !entity.background && entity.origin === 'question',
  );
  if (facets.intent === 'brand-generic') {
    const names = drugs.flatMap((entity) => (entity.mentions ?? [entity.label]).map((name) => ({ name, entity })));
    if (names.length >= 2) {
      const [first, second] = names;
      const topicA = topics.get(first?.entity.topics[0] ?? '');
      const topicB = topics.get(second?.entity.topics[0] ?? '');
      if (!first || !second || !topicA?.drug || !topicB?.drug) return null;
      if (topicA.id === topicB.id) {
        return {
          text: `Yes: ${first.name} and ${second.name} are names of the same medicine, ${topicA.drug.generic}.`,
          topicId: topicA.id,
        };
      }
      return {
        text: `No: ${first.name} is ${topicA.drug.generic} and ${second.name} is ${topicB.drug.generic}, two different medicines.`,
        topicId: topicA.id,
      };
    }
  }
  if (['brand-generic', 'mechanism', 'definition'].includes(facets.intent) && drugs.length === 1) {
    const [drug] = drugs;
    const topic = topics.get(drug?.topics[0] ?? '');
    if (!drug || !topic?.drug) return null;
    const generic = topic.drug.generic;
    const asked = drug.label;
    // Only a name of this very medicine ("Eliquis", "apixaban"): a class word ("SGLT2 inhibitors") is not it.
    const ownNames = [
      generic,
      ...topic.drug.brands.us,
      ...topic.drug.brands.uk,
      ...topic.synonyms.filter((name) => !CLASS_WORD.test(name)),
    ].map((name) => name.toLowerCase());
    if (!ownNames.includes(asked.toLowerCase())) return null;
    const klass = topic.drug.drugClass[topic.drug.drugClass.length - 1] ?? topic.drug.drugClass[0];
    const named =
      asked.toLowerCase() === generic.toLowerCase() ? capitalise(generic) : `${capitalise(asked)} is ${generic}; it`;
    return {
      text: `${named} is ${article(klass ?? 'medicine')} ${klass ?? 'medicine'}.`.replace('; it is', ', which is'),
      topicId: topic.id,
    };
  }
  return null;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
