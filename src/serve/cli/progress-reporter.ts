import cliProgress from 'cli-progress';
import type { IngestProgress } from '../../ingest/ingest-paths.js';

/** A bar with count, rate and ETA on a terminal; a plain line every few seconds otherwise. */
export function progressReporter(stream: NodeJS.WriteStream, now: () => number = Date.now): IngestProgress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'ingest |{bar}| {percentage}% · {passages} passages · {rate}/s · ETA {eta_formatted}',
        stream,
        hideCursor: true,
        fps: 8,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = now();
    return {
      start(totalBytes) {
        started = now();
        bar.start(Math.max(totalBytes, 1), 0, { passages: 0, rate: 0 });
      },
      update(bytes, passages) {
        const seconds = Math.max((now() - started) / 1000, 0.001);
        bar.update(bytes, { passages, rate: Math.round(passages / seconds) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let started = now();
  let total = 1;
  let last = 0;
  return {
    start(totalBytes) {
      started = now();
      total = Math.max(totalBytes, 1);
    },
    update(bytes, passages) {
      const elapsed = now() - started;
      if (elapsed - last < 2000) return;
      last = elapsed;
      const rate = passages / Math.max(elapsed / 1000, 0.001);
      const fraction = bytes / total;
      const eta = fraction > 0 ? Math.round(((1 - fraction) * elapsed) / fraction / 1000) : 0;
      stream.write(
        `ingest: ${Math.round(fraction * 100)}% · ${passages} passages · ${Math.round(rate)}/s · ETA ${eta}s\n`,
      );
    },
    stop() {},
  };
}
