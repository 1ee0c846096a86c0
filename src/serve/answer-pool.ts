import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/load-config.js';
import type { Article } from '../domain/article.js';
import type { Audience } from '../domain/audience.js';
import { VesaliusError, type ErrorCode } from '../domain/errors.js';
import type { ThreadContext } from '../storage/article-store.js';
import type { Answerer } from '../article-service.js';

/** Answers a question, in this thread or another. */

export interface AnswerRequest {
  id: number;
  question: string;
  audience: Audience;
  context: ThreadContext | null;
}

export type AnswerReply = { id: number; article: Article } | { id: number; error: { message: string; code?: string } };

/** Questions waiting per worker before new ones are turned away with 503 (load shedding). */
const QUEUE_PER_WORKER = 32;

/**
 * Worker threads that compose answers off the event loop, one question at a time each, the
 * least busy first. Beyond a bounded queue, a question gets a fast 503 ("busy, retry") rather
 * than waiting behind the others. Used when the compiled worker exists (the built server);
 * tests running the TypeScript sources answer in-thread.
 */
export class AnswerPool {
  private readonly workers: Array<{ worker: Worker; busy: number }> = [];
  private readonly pending = new Map<number, { resolve: (article: Article) => void; reject: (error: Error) => void }>();
  private next = 0;

  private constructor(config: Config, size: number, script: string) {
    for (let i = 0; i < size; i += 1) {
      const worker = new Worker(script, { workerData: config });
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: AnswerReply | { ready: true }) => {
        if (!('id' in reply)) return;
        slot.busy -= 1;
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (!waiting) return;
        if ('article' in reply) waiting.resolve(reply.article);
        else
          waiting.reject(
            reply.error.code
              ? new VesaliusError(reply.error.code as ErrorCode, reply.error.message)
              : new Error(reply.error.message),
          );
      });
      worker.on('error', () => {
        // A crashed worker's questions fail; the others keep answering.
        slot.busy = Number.POSITIVE_INFINITY;
      });
      worker.unref();
      this.workers.push(slot);
    }
  }

  /** A pool of worker threads when the compiled worker is present, else null (answer in-thread). */
  static start(config: Config, size = Math.max(1, Math.min(4, availableParallelism()))): AnswerPool | null {
    const script = fileURLToPath(new URL('./answer-worker.js', import.meta.url));
    return existsSync(script) ? new AnswerPool(config, size, script) : null;
  }

  readonly answer: Answerer = (question, audience, context = null) => {
    const slot = this.workers.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
    if (!slot || slot.busy >= QUEUE_PER_WORKER)
      return Promise.reject(
        new VesaliusError(
          'SOURCE_UNAVAILABLE',
          'Vesalius is answering many questions right now: try again in a moment.',
          {
            retryable: true,
          },
        ),
      );
    this.next += 1;
    const id = this.next;
    slot.busy += 1;
    return new Promise<Article>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, question, audience, context } satisfies AnswerRequest);
    });
  };

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
