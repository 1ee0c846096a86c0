/**
 * Shows how an answer was chosen, from the article's own trace: the question's facets and the
 * best-scoring statements with their facet scores. Earlier questions of a thread come first,
 * separated by " >> ".
 * Usage: npx tsx bench/explain-answer.ts [--audience patient] "question" [">> follow-up" ...]
 */
import { threadContextOf } from '../src/answer-question.js';
import { loadConfig } from '../src/config/load-config.js';
import type { Article } from '../src/domain/article.js';
import { isAudience } from '../src/domain/audience.js';
import { createVesalius } from '../src/wiring.js';

const args = process.argv.slice(2);
const at = args.indexOf('--audience');
const wanted = at >= 0 ? args[at + 1] : 'physician';
const audience = isAudience(wanted) ? wanted : 'physician';
const turns = args
  .filter((_, index) => at < 0 || (index !== at && index !== at + 1))
  .join(' ')
  .split('>>')
  .map((turn) => turn.trim())
  .filter(Boolean);
const vesalius = createVesalius(loadConfig());
let article: Article | undefined;
for (const turn of turns) article = vesalius.ask(turn, audience, article ? threadContextOf(article) : null);
if (!article) throw new Error('no question given');
const detail = (stage: string) => article?.trace.find((entry) => entry.stage === stage)?.detail ?? {};
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
  console.log(`terms: ${JSON.stringify(facets['terms'])} findings: ${JSON.stringify(facets['findings'])}`);
}
const best = (detail('retrieve')['best'] as Array<Record<string, unknown>>) ?? [];
const statements = new Map(vesalius.index.getPassages(best.map((entry) => String(entry['id']))).map((p) => [p.id, p]));
for (const entry of best) {
  const passage = statements.get(String(entry['id']));
  console.log(`${JSON.stringify(entry)}\n   [${passage?.section}] ${passage?.text.slice(0, 160)}`);
}
console.log(`\n${article.status} · ${article.title}\nBL: ${article.bottomLine.text}`);
for (const section of article.sections) console.log(`## ${section.heading} (${section.bullets.length})`);
vesalius.close();
