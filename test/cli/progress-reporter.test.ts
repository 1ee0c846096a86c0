import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/serve/cli/progress-reporter.js';

describe('progressReporter without a terminal', () => {
  it('prints plain lines with percentage, count, rate and ETA, at most every 2 seconds', () => {
    let written = '';
    let clock = 0;
    const stream = { isTTY: false, write: (text: string) => (written += text) } as unknown as NodeJS.WriteStream;
    const progress = progressReporter(stream, () => clock);
    progress.start(1000);
    clock = 500;
    progress.update(100, 50);
    expect(written).toBe('');
    clock = 2000;
    progress.update(250, 500);
    clock = 3000;
    progress.update(300, 600);
    clock = 4000;
    progress.update(500, 1000);
    progress.stop();
    expect(written.trim().split('\n')).toEqual([
      'ingest: 25% · 500 passages · 250/s · ETA 6s',
      'ingest: 50% · 1000 passages · 250/s · ETA 4s',
    ]);
  });
});
