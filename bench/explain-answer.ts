/**
 * Shows how an answer was chosen, from the article's own trace: the question's facets and the
 * best-scoring statements with their facet scores.
 * Usage: npx tsx bench/explain-answer.ts [--audience patient] "question"
 */
import { loadConfig } from '../src/config/load-config.js';
import { isAudience } from '../src/domain/audience.js';
import { createVesalius } from '../src/wiring.js';

const args = process.argv.slice(2);
const at = args.indexOf('--audience');
const wanted = at >= 0 ? args[at + 1] : 'physician';
const audience = isAudience(wanted) ? wanted : 'physician';
const question = args.filter((_, index) => at < 0 || (index !== at && index !== at + 1)).join(' ');
const vesalius = createVesalius(loadConfig());
const article = vesalius.ask(question, audience);
const detail = (stage: string) => article.trace.find((entry) => entry.stage === stage)?.detail ?? {};
const facets = detail('understand')['facets'] as Record<string, unknown> | undefined;
if (facets) {
  const entities = (facets['entities'] as Array<Record<string, unknown>>).map(
    (entity) =>
      `${entity['name']} [${entity['kind']}${entity['background'] ? ', background' : ''}, ${entity['origin']}]`,
  );
  console.log(`intents: ${(facets['intents'] as string[]).join(', ')}\nentities: ${entities.join('; ')}`);
  console.log(
    `populations: ${JSON.stringify(facets['populations'])} measurements: ${JSON.stringify(facets['measurements'])}`,
  );
  console.log(`terms: ${JSON.stringify(facets['terms'])} unknown: ${JSON.stringify(facets['unknownTerms'])}`);
}
const statements = new Map(
  vesalius.index
    .getPassages(((detail('retrieve')['best'] as Array<{ id: string }>) ?? []).map((best) => best.id))
    .map((passage) => [passage.id, passage]),
);
for (const best of (detail('retrieve')['best'] as Array<Record<string, unknown>>) ?? []) {
  const passage = statements.get(String(best['id']));
  console.log(`${JSON.stringify(best)}\n   [${passage?.section}] ${passage?.text.slice(0, 160)}`);
}
console.log(`\n${article.status} · ${article.title}\nBL: ${article.bottomLine.text}`);
for (const section of article.sections) console.log(`## ${section.heading} (${section.bullets.length})`);
vesalius.close();
