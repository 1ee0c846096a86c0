import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createVesalius } from '../../src/wiring.js';
import { KNOWLEDGE, ROOT, scratch } from '../helpers.js';

/** The built server composes answers in worker threads (the compiled worker is in dist/). */
describe('answer pool (worker threads)', () => {
  const space = scratch();
  afterAll(() => space.cleanup());

  it('answers in workers as the main thread would, and turns away a flood with a fast 503', async () => {
    const { AnswerPool } = (await import(
      join(ROOT, 'dist/serve/answer-pool.js')
    )) as typeof import('../../src/serve/answer-pool.js');
    const config = loadConfig({ dbPath: join(space.dir, 'index.sqlite'), knowledgeDir: KNOWLEDGE }, {});
    const local = createVesalius(config); // indexes the knowledge base before the workers open it
    const pool = AnswerPool.start(config, 1);
    expect(pool).not.toBeNull();
    try {
      const inWorker = await pool!.answer('How is gout treated?', 'physician');
      const here = local.ask('How is gout treated?', 'physician');
      expect(inWorker.bottomLine).toEqual(here.bottomLine);
      expect(inWorker.sections).toEqual(here.sections);
      const flood = await Promise.allSettled(
        Array.from({ length: 60 }, () => pool!.answer('How is gout treated?', 'physician')),
      );
      const refused = flood.filter((result) => result.status === 'rejected');
      expect(refused.length).toBeGreaterThan(0);
      expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
      expect(flood.some((result) => result.status === 'fulfilled')).toBe(true);
    } finally {
      await pool!.close();
      local.close();
    }
  }, 60_000);
});
