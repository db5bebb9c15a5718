/**
 * /api/openapi.json, generated from the routes as registered: each route's query schema is
 * the zod schema that validates its requests, written out with z.toJSONSchema — the
 * document cannot describe a parameter the server does not check, nor miss one it does.
 */
import { z } from 'zod';
import type { RouteSpec } from './route.js';

export const VERSION = '0.1.0';

const ErrorSchema = z
  .object({
    ok: z.literal(false),
    error: z.object({
      status: z.number().int().meta({ description: 'the HTTP status, repeated' }),
      message: z.string().meta({ description: 'what is wrong, naming the value: unknown country "Maly"' }),
      hints: z.array(z.string()).meta({ description: 'how to fix it: closest names, an example, the rows that failed' }),
    }),
  })
  .meta({ description: 'Every error, whatever the route and status, has this shape.' });

const AnswerSchema = z
  .object({
    question: z.string(),
    figures: z.record(z.string(), z.unknown()).meta({ description: "the numbers; each analysis's own shape (docs/analysis.md)" }),
    sentence: z.string(),
    filters: z.record(z.string(), z.unknown()).meta({ description: 'the filter as resolved to stored names' }),
    datasets: z.array(z.object({ dataset: z.string(), version: z.string(), events: z.number() })),
    caveats: z.array(z.string()),
    eventIds: z.array(z.string()),
    eventCount: z.number(),
    eventFilter: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ description: 'The one shape every analysis answers in (src/analysis/answer.ts).' });

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

const schemaOf = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return rest;
};

/** The parameters of a route, query and path, as OpenAPI lists them. */
export function parametersOf(route: RouteSpec): Array<Record<string, unknown>> {
  const schema = schemaOf(route.query);
  const required = new Set(schema.required ?? []);
  const query = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, example, ...rest } = property;
    return { name, in: 'query', required: required.has(name), description, schema: rest, ...(example !== undefined ? { example } : {}) };
  });
  const path = (route.pathParams ?? []).map((p) => ({
    name: p.name,
    in: 'path',
    required: true,
    description: p.description,
    schema: { type: 'string', enum: p.values },
    example: p.values[0],
  }));
  return [...path, ...query];
}

export function openApiDocument(routes: RouteSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  for (const route of routes) {
    const path = route.doc ?? route.path;
    const content = Object.fromEntries(
      Object.entries(route.responses).map(([type, holds]) => [
        type,
        {
          schema: /json/.test(type) && /^an Answer/.test(holds) ? { $ref: '#/components/schemas/Answer' } : { description: holds },
        },
      ]),
    );
    paths[path] ??= {};
    paths[path]![route.method] = {
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      operationId: operationId(route),
      parameters: parametersOf(route),
      ...(route.token ? { security: [{ token: [] }] } : {}),
      responses: {
        200: { description: Object.values(route.responses).join('; '), content },
        400: error('a parameter is unknown or of the wrong form, or a name matches nothing in the store'),
        ...Object.fromEntries(Object.entries(route.errors ?? {}).map(([status, why]) => [status, error(why)])),
        500: error('a bug in crisismap: never the answer to bad input'),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'crisismap API',
      version: VERSION,
      description:
        "Conflict-event counts and analyses with the events behind every number. Filters follow ACLED's API conventions (country=Mali|Niger, event_date=…&event_date_where=BETWEEN). JSON answers have the shape of the CLI's --json. Every response names the filters and dataset versions it covers. See docs/api.md.",
    },
    paths,
    components: {
      schemas: { Error: schemaOf(ErrorSchema), Answer: schemaOf(AnswerSchema) },
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'the token given to crisismap serve with --token or CRISISMAP_TOKEN' } },
    },
  };
}

function operationId(route: RouteSpec): string {
  const words = (route.doc ?? route.path)
    .replace(/^\/api\//, '')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean);
  return route.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}
