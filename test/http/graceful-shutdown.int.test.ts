import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServe } from '../../scripts/spawn-serve.js';
import { scratch } from '../helpers.js';

/** `vesalius serve` as an operator runs it, stopped with SIGTERM while answering. */
describe('shutdown with requests in flight', () => {
  const space = scratch();
  afterAll(() => space.cleanup());

  it('answers every request already received before it exits on SIGTERM', async () => {
    const server = await spawnServe(['--ask-rate', '1000', '--db', join(space.dir, 'index.sqlite')], {
      requestLog: true,
    });
    const { url } = server;
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
    // Every request has reached the server (it logged each one) when the signal arrives; a fixed
    // wait was not enough on a loaded machine, where late requests met the closed server.
    await server.requestsSeen(requests.length);
    const exited = server.stop();
    const results = await Promise.all(requests);
    expect(results.filter((result) => result.status !== 201 || !result.complete)).toEqual([]);
    expect(await exited).toBe(0);
  }, 120_000);
});
