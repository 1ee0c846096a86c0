import type { Command } from 'commander';
import { loadConfig } from '../../../config/load-config.js';
import { createPubmedLookup } from '../../../wiring.js';
import { type CliContext, positiveInt } from '../cli-context.js';
import { checkKnowledgeBase } from '../check-knowledge-base.js';
import { verifyKnowledgeReferences } from '../verify-knowledge-references.js';

/** `vesalius kb check` and `vesalius kb verify-references`. */
export function registerKnowledgeBase(program: Command, context: CliContext): void {
  const kb = program.command('kb').description('Knowledge-base tools.');
  kb.command('check')
    .description('Validate the knowledge base and print counts per specialty and topic.')
    .argument('[dir]', 'knowledge-base folder (default: the built-in one)')
    .option('--json', 'print the report as JSON')
    .option(
      '--files <paths...>',
      'report only these topic files (the whole folder is still read for cross-file checks)',
    )
    .action((dir: string | undefined, options: { json?: boolean; files?: string[] }) => {
      const root = dir ?? loadConfig().knowledgeDir;
      context.exitCode = checkKnowledgeBase(root, {
        json: Boolean(options.json),
        out: context.io.out,
        ...(options.files ? { files: options.files } : {}),
      });
    });

  kb.command('verify-references')
    .description(
      'Check PMIDs, DOIs and titles of knowledge-base references against PubMed E-utilities (needs network; set VESALIUS_EUTILS_URL, NCBI_API_KEY, NCBI_EMAIL).',
    )
    .argument('[dir]', 'knowledge-base folder (default: the built-in one)')
    .option('--limit <n>', 'check only the first n references', (value) => positiveInt(value, '--limit'))
    .option('--json', 'print the checks as JSON')
    .action(async (dir: string | undefined, options: { json?: boolean; limit?: number }) => {
      const config = loadConfig();
      context.exitCode = await verifyKnowledgeReferences(dir ?? config.knowledgeDir, createPubmedLookup(config), {
        json: Boolean(options.json),
        out: context.io.out,
        ...(options.limit ? { limit: options.limit } : {}),
      });
    });
}
