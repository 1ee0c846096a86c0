import * as schemas from './api-schemas.js';

const json = (schema: unknown) => ({ 'application/json': { schema } });
const errors = {
  400: { description: 'Invalid input (names the field)', content: json(schemas.errorSchema) },
  404: { description: 'Not found', content: json(schemas.errorSchema) },
};
const queryParameters = (schema: { properties: Record<string, unknown>; required?: readonly string[] }) =>
  Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
const idParameter = (name: string) => [{ name, in: 'path', required: true, schema: { type: 'string' } }];

/** The OpenAPI 3.1 description of the HTTP API, built from the same schemas that validate requests. */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vesalius API',
      version,
      description: 'Evidence-based clinical answers: every statement cites an indexed source.',
    },
    paths: {
      '/api/health': { get: { summary: 'Liveness', responses: { 200: { description: 'The process is up' } } } },
      '/api/ready': {
        get: {
          summary: 'Readiness: the index is loaded',
          responses: { 200: { description: 'Ready' }, 503: { description: 'Index empty' } },
        },
      },
      '/api/ask': {
        post: {
          summary: 'Answer a question; the article gets a stable id and permalink',
          requestBody: { required: true, content: json(schemas.askBodySchema) },
          responses: { 201: { description: 'The article', content: json(schemas.articleSchema) }, ...errors },
        },
      },
      '/api/ask/stream': {
        post: {
          summary: 'Answer as server-sent events: meta, bottomLine, section…, references, done',
          requestBody: { required: true, content: json(schemas.askBodySchema) },
          responses: { 200: { description: 'text/event-stream' }, ...errors },
        },
      },
      '/api/articles': {
        get: {
          summary: 'Recently asked articles',
          parameters: queryParameters(schemas.limitQuerySchema),
          responses: { 200: { description: '{articles: [...]}' } },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'An article, re-rendered for an audience if asked',
          parameters: [...idParameter('id'), ...queryParameters(schemas.audienceQuerySchema)],
          responses: { 200: { description: 'The article', content: json(schemas.articleSchema) }, ...errors },
        },
      },
      '/api/articles/{id}/followups': {
        post: {
          summary: 'Ask a follow-up in the thread of an article (uses its question, topic and sources)',
          parameters: idParameter('id'),
          requestBody: { required: true, content: json(schemas.askBodySchema) },
          responses: { 201: { description: 'The follow-up article', content: json(schemas.articleSchema) }, ...errors },
        },
      },
      '/api/articles/{id}/export': {
        get: {
          summary: 'Export as Markdown, plain text or RIS references',
          parameters: [...idParameter('id'), ...queryParameters(schemas.exportQuerySchema)],
          responses: { 200: { description: 'A file' }, ...errors },
        },
      },
      '/api/threads/{threadId}': {
        get: {
          summary: 'All articles of a thread, oldest first',
          parameters: idParameter('threadId'),
          responses: { 200: { description: '{threadId, articles}' }, ...errors },
        },
      },
      '/api/passages/{id}': {
        get: {
          summary: 'The exact passage behind a citation, with its source',
          parameters: idParameter('id'),
          responses: { 200: { description: '{passage, source, cites}' }, ...errors },
        },
      },
      '/api/sources/{id}': {
        get: {
          summary: 'A source and its passages',
          parameters: idParameter('id'),
          responses: { 200: { description: '{source, passages}' }, ...errors },
        },
      },
      '/api/suggest': {
        get: {
          summary: 'Topic suggestions as you type',
          parameters: queryParameters(schemas.suggestQuerySchema),
          responses: { 200: { description: '{suggestions}' }, ...errors },
        },
      },
    },
  };
}
