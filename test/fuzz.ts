/**
 * Bad values through every query parameter of every API route, for the fuzz tests, without
 * asking the same question twice. Parameters are declared once and read by one reader
 * wherever a route takes them (src/server/params.ts), so a value that one route refuses, or
 * reads as if it were left out, every route taking the same declaration refuses or drops the
 * same way; only a value that is read as a value reaches the route's own handler and writer.
 *   1. every route is asked without parameters (but the required ones, at their examples), for
 *      what "left out" answers;
 *   2. each declaration (a name with its OpenAPI description and schema) gets every value on
 *      the first route that takes it, and each answer is classed: refused (4xx), read as left
 *      out (the same body as without it), or read as a value;
 *   3. every other route taking it gets each value read as a value, and one of the others in
 *      turn, which must be answered as the first route answered it (the same status and
 *      message, or the route's own answer without it): a route that reads it differently fails.
 * Every answer also goes through the caller's check.
 */
import assert from 'node:assert/strict';

export interface Answered {
  target: string;
  status: number;
  type: string;
  bytes: Buffer;
}

interface OpenApi {
  paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; example?: string; description?: string; required?: boolean; schema?: unknown }> }>>;
}

export interface FuzzOptions {
  /** The values to send to a route (already percent-encoded). */
  values: (url: string) => string[];
  /** Sends a GET; the answer read whole. */
  get: (target: string) => Promise<Response>;
  /** What every answer must be, whatever went in. */
  check: (answer: Answered) => void | Promise<void>;
  /** Requests at a time, as the server's readers take them. */
  width?: number;
}

export interface FuzzReport {
  requests: number;
  /** Route and parameter pairs that got at least one bad value. */
  covered: number;
  /** Route and parameter pairs in the document. */
  pairs: number;
}

/** The message of an error answer (the one error shape), or the body when it has none. */
function messageOf(answer: Answered): string {
  try {
    return JSON.parse(answer.bytes.toString('utf8')).error.message;
  } catch {
    return answer.bytes.toString('utf8');
  }
}

export async function fuzzParameters(document: OpenApi, options: FuzzOptions): Promise<FuzzReport> {
  const width = options.width ?? 4;
  let requests = 0;
  const ask = async (target: string): Promise<Answered> => {
    const response = await options.get(target);
    const answer = { target, status: response.status, type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
    requests++;
    await options.check(answer);
    return answer;
  };
  const inParallel = async <T>(items: T[], work: (item: T) => Promise<void>) => {
    const queue = [...items];
    await Promise.all(
      Array.from({ length: width }, async () => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
      }),
    );
  };

  const routes = Object.entries(document.paths).flatMap(([path, methods]) => {
    const route = methods.get;
    if (!route) return [];
    const url = path.replace(/\{(\w+)\}/g, (_, name) => String(route.parameters.find((p) => p.name === name)?.example));
    const query = route.parameters.filter((p) => p.in === 'query');
    // A required parameter keeps its example while another one is tried: else every answer is "required".
    const required = query.filter((p) => p.required).map((p) => [p.name, String(p.example)]);
    const params = query.map((p) => ({ name: p.name, declaration: JSON.stringify([p.name, p.required, p.description, p.schema]) }));
    return params.length ? [{ url, params, required }] : [];
  });
  const byUrl = new Map(routes.map((r) => [r.url, r]));
  const target = (url: string, name: string, value: string) => `${url}?${[...byUrl.get(url)!.required.filter(([n]) => n !== name), [name, value]].map(([n, v]) => `${n}=${v}`).join('&')}`;

  // 1. Without parameters.
  const without = new Map<string, Answered>();
  await inParallel(routes, async (r) => {
    without.set(r.url, await ask(r.required.length ? `${r.url}?${r.required.map(([n, v]) => `${n}=${v}`).join('&')}` : r.url));
  });

  // 2. Every value of each declaration on its first route, classed.
  const first = new Map<string, string>();
  for (const r of routes) for (const p of r.params) if (!first.has(p.declaration)) first.set(p.declaration, r.url);
  const classed = new Map<string, { refused: Map<string, Answered>; leftOut: Set<string>; read: Set<string> }>();
  const firstAsks = [...first].flatMap(([declaration, url]) => {
    const name = JSON.parse(declaration)[0] as string;
    classed.set(declaration, { refused: new Map(), leftOut: new Set(), read: new Set() });
    return options.values(url).map((value) => ({ declaration, url, name, value }));
  });
  await inParallel(firstAsks, async ({ declaration, url, name, value }) => {
    const answer = await ask(target(url, name, value));
    const classes = classed.get(declaration)!;
    if (answer.status >= 400) classes.refused.set(value, answer);
    else if (answer.bytes.equals(without.get(url)!.bytes)) classes.leftOut.add(value);
    else classes.read.add(value);
  });

  // 3. The other routes: values read as values, and the others in turn.
  const rest: Array<{ url: string; name: string; value: string; as?: Answered | 'left out'; on?: string }> = [];
  let turn = 0;
  for (const r of routes) {
    const values = new Set(options.values(r.url));
    for (const p of r.params) {
      if (first.get(p.declaration) === r.url) continue;
      const classes = classed.get(p.declaration)!;
      for (const value of classes.read) if (values.has(value)) rest.push({ url: r.url, name: p.name, value });
      const others = [...classes.refused.keys(), ...classes.leftOut].filter((v) => values.has(v));
      if (!others.length) continue;
      const value = others[turn++ % others.length]!;
      rest.push({ url: r.url, name: p.name, value, as: classes.refused.get(value) ?? 'left out', on: first.get(p.declaration) });
    }
  }
  await inParallel(rest, async ({ url, name, value, as, on }) => {
    const answer = await ask(target(url, name, value));
    if (as === 'left out') assert.ok(answer.bytes.equals(without.get(url)!.bytes), `${answer.target}: read as left out on ${on}, not here`);
    else if (as) {
      assert.equal(answer.status, as.status, `${answer.target}: ${as.target} answered ${as.status}`);
      assert.equal(messageOf(answer), messageOf(as), `${answer.target}: refused otherwise than ${as.target}`);
    }
  });

  const pairs = routes.reduce((n, r) => n + r.params.length, 0);
  const covered = new Set([...firstAsks.map((a) => `${a.url} ${a.name}`), ...rest.map((a) => `${a.url} ${a.name}`)]).size;
  return { requests, covered, pairs };
}
