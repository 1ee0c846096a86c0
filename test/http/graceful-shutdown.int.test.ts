import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../helpers.js';

/** `vesalius serve` as an operator runs it, stopped with SIGTERM while answering. */
describe('shutdown with requests in flight', () => {
  const space = scratch();
  afterAll(() => space.cleanup());

  it('answers every request already received before it exits on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/vesalius.js'),
        'serve',
        '--port',
        '0',
        '--quiet',
        '--ask-rate',
        '1000',
        '--db',
        join(space.dir, 'index.sqlite'),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, VESALIUS_HOME: space.dir } },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /running at (\S+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      void exited.then((code) => reject(new Error(`serve exited with ${code} before it was ready`)));
    });
    const questions = [
      'How is community-acquired pneumonia treated?',
      'apixaban dose in atrial fibrillation',
      'Is loratadine safe while breastfeeding?',
    ];
    const requests = Array.from({ length: 58 }, (_, index) =>
      fetch(`${url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: `${questions[index % questions.length]} (${index})` }),
      }).then(
        async (response) => ({
          status: response.status,
          complete: ((await response.json()) as { title?: string }).title !== undefined,
        }),
        (error: Error) => ({ status: 0, complete: false, error: error.message }),
      ),
    );
    // Every request is on the wire and being answered when the signal arrives.
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGTERM');
    const results = await Promise.all(requests);
    expect(results.filter((result) => result.status !== 201 || !result.complete)).toEqual([]);
    expect(await exited).toBe(0);
  }, 120_000);
});
