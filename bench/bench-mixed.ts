/**
 * Mixed traffic on loopback, as a busy deployment sees it: each connection asks, reads the
 * answer, follows up, and acts as a reviewer (reads the queue and a document, comments).
 * Three bounded runs against one server process: requests/s, p50/p99, errors and timeouts,
 * the server's memory before and after each run (flat is the target), and /api/health
 * latency during the run. Usage: npm run bench:mixed (also part of npm run bench)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config/load-config.js';
import { main } from '../src/serve/cli/main.js';
import { createVesalius } from '../src/wiring.js';
import { spawnServe } from '../scripts/spawn-serve.js';
import { pollHealth } from './poll-health.js';
import { scratchDir } from './shared-paths.js';

const PASSWORD = 'correct horse battery staple';
const QUESTIONS = [
  'How is gout treated?',
  'apixaban dose in atrial fibrillation',
  'Is loratadine safe while breastfeeding?',
  'What is the management of diabetic ketoacidosis?',
];
const FOLLOW_UPS = ['and in pregnancy?', 'what dose?', 'and in kidney disease?'];

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function addAccount(dbPath: string, username: string, role: 'editor' | 'reviewer'): Promise<void> {
  const io = {
    out: () => {},
    err: (text: string) => process.stderr.write(text),
    readStdin: async () => `${PASSWORD}\n`,
  };
  const args = ['users', 'add', username, '--role', role, '--name', username, '--password-stdin', '--db', dbPath];
  await main(args, io);
}

async function apiToken(url: string, username: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const made = await fetch(`${url}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  });
  return ((await made.json()) as { token: string }).token;
}

export async function benchMixed(dbPath = join(scratchDir(), 'bench-mixed.sqlite')): Promise<string[]> {
  createVesalius(loadConfig({ dbPath }, {})).close(); // index the knowledge base before the clock starts
  await addAccount(dbPath, 'bench-editor', 'editor');
  await addAccount(dbPath, 'bench-reviewer', 'reviewer');
  const server = await spawnServe(['--db', dbPath, '--ask-rate', '0', '--daily-questions', '0']);
  const { url } = server;
  const lines: string[] = [];
  try {
    const editor = await apiToken(url, 'bench-editor');
    const reviewer = await apiToken(url, 'bench-reviewer');
    const json = { 'content-type': 'application/json' };
    const asked = (await (
      await fetch(`${url}/api/ask`, { method: 'POST', headers: json, body: JSON.stringify({ question: QUESTIONS[0] }) })
    ).json()) as { id: string };
    // Reviewers spread over several submitted answers, as a board works through its queue.
    const documents: string[] = [];
    for (const question of [...QUESTIONS, ...QUESTIONS.map((text) => `${text} In an older adult.`)]) {
      const answer = (await (
        await fetch(`${url}/api/ask`, { method: 'POST', headers: json, body: JSON.stringify({ question }) })
      ).json()) as { id: string };
      const submitted = (await (
        await fetch(`${url}/api/review/documents`, {
          method: 'POST',
          headers: { ...json, authorization: `Bearer ${editor}` },
          body: JSON.stringify({ articleId: answer.id }),
        })
      ).json()) as { document: { id: string } };
      documents.push(`/api/review/documents/${encodeURIComponent(submitted.document.id)}`);
    }
    const documentPath = () => documents[turn++ % documents.length] ?? '';
    const asReviewer = { ...json, authorization: `Bearer ${reviewer}` };
    let turn = 0;
    const lastId = new Map<unknown, string>();
    const requests: autocannon.Request[] = [
      {
        method: 'POST',
        path: '/api/ask',
        headers: json,
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ question: QUESTIONS[turn++ % QUESTIONS.length] }),
        }),
        onResponse: (_status, body, context) => {
          const id = (JSON.parse(body) as { id?: string }).id;
          if (id) lastId.set(context, id);
        },
      },
      {
        method: 'GET',
        setupRequest: (request, context) => ({ ...request, path: `/api/articles/${lastId.get(context) ?? asked.id}` }),
      },
      {
        method: 'POST',
        headers: json,
        setupRequest: (request, context) => ({
          ...request,
          path: `/api/articles/${lastId.get(context) ?? asked.id}/followups`,
          body: JSON.stringify({ question: FOLLOW_UPS[turn++ % FOLLOW_UPS.length] }),
        }),
      },
      { method: 'GET', path: '/api/review/queue', headers: asReviewer },
      { method: 'GET', headers: asReviewer, setupRequest: (request) => ({ ...request, path: documentPath() }) },
      {
        method: 'POST',
        headers: asReviewer,
        body: JSON.stringify({ target: { kind: 'bottomLine' }, text: 'Please check the dose against the label.' }),
        setupRequest: (request) => ({ ...request, path: `${documentPath()}/versions/1/comments` }),
      },
    ];
    const rounds = Number(process.env['MIXED_ROUNDS'] ?? 3);
    for (let round = 1; round <= rounds; round += 1) {
      const before = rssMb(server.child.pid ?? 0);
      const health = pollHealth(url);
      const result = await new Promise<autocannon.Result>((resolve, reject) =>
        autocannon({ url, connections: 16, duration: 6, requests }, (error, done) =>
          error ? reject(error) : resolve(done),
        ),
      );
      const probes = await health.stop();
      const after = rssMb(server.child.pid ?? 0);
      lines.push(
        `${`HTTP mixed traffic, run ${round}/${rounds}`.padEnd(38)} ${`${Math.round(result.requests.average)} req/s`.padStart(14)}  p50 ${result.latency.p50} ms · p99 ${result.latency.p99} ms · errors ${result.errors} · non-2xx ${result.non2xx} · timeouts ${result.timeouts} · server RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB · /api/health p99 ${probes.p99} ms`,
      );
    }
    lines.push(
      `${''.padEnd(38)} ${''.padStart(14)}  targets: 0 errors and timeouts, RSS flat across runs, health p99 < 100 ms`,
    );
  } finally {
    await server.stop();
  }
  return lines;
}

if (process.argv[1]?.endsWith('bench-mixed.ts')) {
  for (const line of await benchMixed(process.argv[2])) console.log(line);
}
