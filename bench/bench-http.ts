/**
 * HTTP figures from a load generator on loopback (autocannon, bounded in time): requests/s
 * and p50/p99 latency for fetching an article and for asking, beside the in-process time of
 * the same work. Usage: npm run bench:http (also part of npm run bench)
 */
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config/load-config.js';
import { createVesalius } from '../src/wiring.js';
import { spawnServe } from '../scripts/spawn-serve.js';
import { pollHealth } from './poll-health.js';
import { scratchDir } from './shared-paths.js';

const QUESTIONS = [
  'What is the treatment approach for ILD with an NSIP pattern and elevated IgE?',
  'How should type 2 diabetes be managed in a patient with chronic kidney disease?',
  'How is alcohol withdrawal syndrome treated?',
  'What is the antibiotic treatment for streptococcal pharyngitis?',
  'How is gout treated?',
  'What is the management of diabetic ketoacidosis?',
];

/** The server in its own process, as users run it, so the load generator does not share its event loop. */
async function spawnServer(dbPath: string, askRate: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await spawnServe([
    '--db',
    dbPath,
    '--ask-rate',
    String(askRate),
    // The load generator is one client: with the per-minute limit off, the daily cap is off too.
    ...(askRate === 0 ? ['--daily-questions', '0'] : []),
  ]);
  return { url: server.url, close: async () => void (await server.stop()) };
}

export async function benchHttp(dbPath = join(scratchDir(), 'bench-http.sqlite')): Promise<string[]> {
  const config = loadConfig({ dbPath }, {});
  createVesalius(config).close(); // index the knowledge base before the clock starts
  // Throughput with the per-client limit off (the load generator is one client).
  const server = await spawnServer(dbPath, 0);
  const lines: string[] = [];
  try {
    const created = (await (
      await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: QUESTIONS[0] }),
      })
    ).json()) as { id: string };

    const run = (options: autocannon.Options) =>
      new Promise<autocannon.Result>((resolve, reject) =>
        autocannon(options, (error, result) => (error ? reject(error) : resolve(result))),
      );
    const fetchResult = await run({ url: `${server.url}/api/articles/${created.id}`, connections: 16, duration: 8 });
    let next = 0;
    const health = pollHealth(server.url);
    const askResult = await run({
      url: `${server.url}/api/ask`,
      connections: 8,
      duration: 8,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ question: QUESTIONS[next++ % QUESTIONS.length] }),
          }),
        },
      ],
    });

    const healthDuringAsks = await health.stop();

    // The same work in process, for the ratio.
    const vesalius = createVesalius(config);
    const started = performance.now();
    for (let i = 0; i < 60; i += 1) vesalius.ask(QUESTIONS[i % QUESTIONS.length] ?? '');
    const inProcessAsk = (performance.now() - started) / 60;
    vesalius.close();

    const row = (label: string, result: autocannon.Result, extra: string) =>
      `${label.padEnd(38)} ${`${Math.round(result.requests.average)} req/s`.padStart(14)}  p50 ${result.latency.p50} ms · p99 ${result.latency.p99} ms · errors ${result.errors + result.non2xx} · ${extra}`;
    lines.push(row('HTTP GET /api/articles/:id', fetchResult, 'target ≥ 1,000 req/s, p99 ≤ 250 ms'));
    lines.push(
      row(
        'HTTP POST /api/ask',
        askResult,
        `in-process ask ${inProcessAsk.toFixed(1)} ms (≈ ${Math.round(1000 / inProcessAsk)} /s on one core) · target ≥ 100 req/s, p99 ≤ 250 ms`,
      ),
    );
    lines.push(
      `${'/api/health during the ask flood'.padEnd(38)} ${`${healthDuringAsks.count} probes`.padStart(14)}  p50 ${healthDuringAsks.p50} ms · p99 ${healthDuringAsks.p99} ms · target p99 < 100 ms`,
    );
  } finally {
    await server.close();
  }

  // With the default limit (60 questions a minute per client), a flood is turned away fast.
  const limited = await spawnServer(dbPath, 60);
  try {
    const flood = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        {
          url: `${limited.url}/api/ask`,
          connections: 50,
          duration: 4,
          requests: [
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ question: QUESTIONS[0] }),
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
    const refused = flood.statusCodeStats?.['429']?.count ?? 0;
    lines.push(
      `${'HTTP POST /api/ask flood, 50 connections'.padEnd(38)} ${`${Math.round(flood.requests.average)} req/s`.padStart(14)}  p50 ${flood.latency.p50} ms · p99 ${flood.latency.p99} ms · ${refused} answered 429 · errors ${flood.errors} · timeouts ${flood.timeouts} · target: excess answered 429 within 50 ms`,
    );
  } finally {
    await limited.close();
  }
  return lines;
}

if (process.argv[1]?.endsWith('bench-http.ts')) {
  for (const line of await benchHttp(process.argv[2])) console.log(line);
}
