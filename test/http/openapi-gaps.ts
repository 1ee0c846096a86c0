/** Registered API routes that the OpenAPI document does not describe ("METHOD /path"). */
export function openApiGaps(
  app: { registeredRoutes: ReadonlyArray<{ method: string; url: string }> },
  document: { paths: Record<string, Record<string, unknown>> },
): string[] {
  return app.registeredRoutes
    .filter((route) => route.url.startsWith('/api/') && route.url !== '/api/openapi.json')
    .map((route) => ({ method: route.method.toLowerCase(), path: route.url.replace(/:(\w+)/g, '{$1}') }))
    .filter(({ method, path }) => document.paths[path]?.[method] === undefined)
    .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
}
