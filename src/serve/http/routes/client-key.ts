import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * A pseudonymous key for the client that sent a request (a hash of its address), so
 * per-client caps can be counted in the store without keeping anyone's address.
 */
export function clientKey(request: FastifyRequest): string {
  return createHash('sha256').update(`vesalius-client:${request.ip}`).digest('base64url').slice(0, 22);
}
