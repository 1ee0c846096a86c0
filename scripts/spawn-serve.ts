import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'bin', 'vesalius.js');

export interface ServeProcess {
  child: ChildProcess;
  /** Where it listens, as it printed it ("Vesalius is running at …"). */
  url: string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
  /** Resolves once the server has logged `count` incoming requests (with `requestLog`). */
  requestsSeen: (count: number) => Promise<void>;
}

/**
 * `vesalius serve --port 0 --quiet <args>` in its own process, as an operator runs it (the
 * built CLI): for tests and benchmarks that must not share the server's event loop. With
 * `requestLog`, the request log stays on, so a test can tell when requests have arrived.
 */
export async function spawnServe(args: string[], options: { requestLog?: boolean } = {}): Promise<ServeProcess> {
  const quiet = options.requestLog ? [] : ['--quiet'];
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...quiet, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let seen = 0;
  const waiting: Array<{ count: number; done: () => void }> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    seen += chunk.toString().split('"incoming request"').length - 1;
    for (const waiter of waiting.filter((entry) => entry.count <= seen)) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.done();
    }
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /running at (\S+)/.exec(output)?.[1];
      if (found) done(found);
    });
    void exited.then((code) => fail(new Error(`vesalius serve exited with code ${code} before it was ready`)));
  });
  return {
    child,
    url,
    exited,
    requestsSeen: (count) =>
      count <= seen ? Promise.resolve() : new Promise<void>((done) => waiting.push({ count, done })),
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
