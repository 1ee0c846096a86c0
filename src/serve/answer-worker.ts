/**
 * A worker thread that answers questions, so composing answers never holds up the server's
 * event loop (health checks, article reads, sign-in stay fast under an ask flood).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/load-config.js';
import { createVesalius } from '../wiring.js';
import type { AnswerRequest, AnswerReply } from './answer-pool.js';

const vesalius = createVesalius(workerData as Config);
parentPort?.on('message', (request: AnswerRequest) => {
  let reply: AnswerReply;
  try {
    reply = { id: request.id, article: vesalius.ask(request.question, request.audience, request.context) };
  } catch (error) {
    reply = { id: request.id, error: { message: (error as Error).message, code: (error as { code?: string }).code } };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
