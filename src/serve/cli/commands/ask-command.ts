import { type Command, Option } from 'commander';
import { threadContextOf } from '../../../answer-question.js';
import { AUDIENCES, type Audience, isAudience } from '../../../domain/audience.js';
import type { ThreadContext } from '../../../domain/thread-context.js';
import { type CliContext, eachJsonLine, UsageError } from '../cli-context.js';
import { renderArticle } from '../render-article.js';

/** `vesalius ask`: one question, or a batch of JSON lines with threads. */
export function registerAsk(program: Command, context: CliContext): void {
  program
    .command('ask')
    .description('Answer a clinical question with a structured, cited article.')
    .argument('[question...]', 'the question (quote it)')
    .option('--json', 'print the article as one JSON object')
    .addOption(new Option('--audience <who>', 'who is reading').choices([...AUDIENCES]))
    .option(
      '--batch <file>',
      'answer {question, audience?, thread?} JSON lines (lines sharing a thread are follow-ups, in order); print one JSON article per line',
    )
    .option('--db <path>', 'index file (default: the user data directory)')
    .action(async (words: string[], options: { json?: boolean; audience?: Audience; batch?: string; db?: string }) => {
      const vesalius = context.open(options.db);
      try {
        const audience = options.audience ?? vesalius.config.defaultAudience;
        if (options.batch) {
          // Lines that share a `thread` value are asked in order as follow-ups of one thread.
          const threads = new Map<string, ThreadContext>();
          await eachJsonLine(
            options.batch,
            (record, line) => {
              const question = record['question'];
              const wanted = record['audience'] ?? audience;
              const thread = record['thread'];
              if (
                typeof question !== 'string' ||
                !isAudience(wanted) ||
                (thread !== undefined && typeof thread !== 'string')
              ) {
                return {
                  error: {
                    code: 'INVALID_INPUT',
                    message: `line ${line}: expected {"question": string, "audience"?: one of ${AUDIENCES.join('|')}, "thread"?: string}`,
                  },
                };
              }
              const article = vesalius.ask(question, wanted, thread ? (threads.get(thread) ?? null) : null);
              if (thread) threads.set(thread, threadContextOf(article));
              return article;
            },
            context.io,
          );
          return;
        }
        const question = words.join(' ').trim();
        if (!question)
          throw new UsageError(
            'ask needs a question, e.g. vesalius ask "How is community-acquired pneumonia treated?"',
          );
        const article = vesalius.ask(question, audience);
        if (options.json) context.io.out(`${JSON.stringify(article)}\n`);
        else
          context.io.out(
            `${renderArticle(article, { color: Boolean(process.stdout.isTTY) && !vesalius.config.noColor, width: process.stdout.columns ?? 100 })}\n`,
          );
      } finally {
        vesalius.close();
      }
    });
}
