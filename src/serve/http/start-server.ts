import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, type Config } from '../../config/load-config.js';
import { createVesalius, openArticleService, openEditorial } from '../../wiring.js';
import { VERSION_STATES } from '../../domain/review-workflow.js';
import { AnswerPool } from '../answer-pool.js';
import { buildApp } from './build-app.js';

export interface RunningServer {
  url: string;
  /** Resolves when the server has shut down (SIGINT/SIGTERM or close()). */
  closed: Promise<void>;
  close(): Promise<void>;
}

/** Starts the API and web app on the embedded default; shuts down cleanly on SIGINT/SIGTERM. */
export async function startServer(
  config: Config,
  options: { port: number; host: string; logger: boolean },
): Promise<RunningServer> {
  const vesalius = createVesalius(config);
  const { repository: editorialStore, review, auth } = await openEditorial(config);
  const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const editorial = {
    review,
    auth,
    repository: editorialStore,
    secureCookies: config.secureCookies,
  };
  // Answers are composed in worker threads, so health checks and reads stay fast under load.
  const pool = AnswerPool.start(config);
  const { service: articlesService, store } = await openArticleService(config, vesalius, pool?.answer);
  const app = await buildApp({
    vesalius,
    articles: articlesService,
    webRoot: config.webRoot,
    logger: options.logger,
    version,
    editorial,
    askRatePerMinute: config.askRatePerMinute,
  });
  // Anonymous answers are kept for the retention period after a thread's last question; answers
  // submitted for review are kept as long as their review documents.
  const prune = async () => {
    if (config.retentionDays <= 0) return;
    const reviewed = await editorialStore.listQueue({ states: [...VERSION_STATES], limit: 1_000_000 });
    await articlesService.prune(
      config.retentionDays,
      reviewed.map(({ document }) => document.id),
    );
  };
  await prune();
  const pruning = setInterval(() => void prune().catch(() => undefined), 6 * 3_600_000);
  pruning.unref();
  const address = await app.listen({ port: options.port, host: options.host });
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      // Drain: no new connections, requests in flight finish; after 10 s the stragglers are cut.
      const force = setTimeout(() => app.server.closeAllConnections(), 10_000);
      force.unref();
      clearInterval(pruning);
      await app.close();
      clearTimeout(force);
      await pool?.close();
      await editorialStore.close();
      await store.close();
      vesalius.close();
      resolveClosed();
    })());
  const onSignal = () => void close();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { url: address.replace('[::1]', 'localhost'), closed, close };
}
