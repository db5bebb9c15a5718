/**
 * POST /api/check: a news text in the body ({text, published, lang}), its claims judged
 * against the store — the same JSON as `crisismap check --json`. The body is size-limited;
 * every bad request gets the API's error shape. Query parameters are the filters that limit
 * the data used to judge (e.g. dataset=acled).
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { loadAliases } from '../../analysis/aliases.js';
import { CHECK_PARAMS } from '../../check/params.js';
import { wordDeep } from '../../model/param.js';
import { ApiError } from '../errors.js';
import { FILTER_PARAMS, filterOf, shapeOf, valuesOf } from '../params.js';
import type { ReaderPool } from '../pool.js';
import { parseQuery, type Api } from '../route.js';
import { HTTP_NAMES, WORDING_HEADER, wantsTokens } from '../wording.js';

/** A long article is some 50 KB; the limit leaves room for several. */
export const MAX_CHECK_BYTES = 256 * 1024;

const CheckQuery = z.object({ ...FILTER_PARAMS, ...shapeOf(Object.values(CHECK_PARAMS)) });
const CheckBody = z.object({
  text: z.string({ error: 'text is required: the news text to check, as a string' }).min(1, { error: 'text is empty' }),
  published: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: (i) => `published "${String(i.input)}" is not a date: write YYYY-MM-DD` })
    .optional(),
  lang: z.enum(['en', 'fr', 'auto'], { error: (i) => `lang "${String(i.input)}" is not en, fr or auto` }).optional(),
});

export function checkRoutes(api: Api, readers: ReaderPool): void {
  const limit = bodyLimit({
    maxSize: MAX_CHECK_BYTES,
    onError: () => {
      throw new ApiError(413, `the text is larger than ${MAX_CHECK_BYTES / 1024} KB`, ['check a long text in parts, or run crisismap check FILE']);
    },
  });
  api.raw(
    {
      method: 'post',
      path: '/api/check',
      tag: 'analyses',
      query: CheckQuery,
      summary: 'Check a news text: every number it claims about political violence, judged against the data',
      description: `JSON body {text, published (YYYY-MM-DD), lang (en, fr or auto)}, at most ${MAX_CHECK_BYTES / 1024} KB. Answers as \`crisismap check --json\`. Rules: docs/check.md.`,
      responses: {
        'application/json': '{text, published, lang, filters, claims: [{span, start, end, quantity, qualifier, unit, metric, place, period, actors, verdict, explanation, data}], datasets, counts}',
      },
      errors: { 413: `the body is larger than ${MAX_CHECK_BYTES / 1024} KB` },
    },
    limit,
    async (c: Context) => {
      const query = parseQuery(c, CheckQuery);
      const raw: unknown = await c.req.json().catch(() => {
        throw new ApiError(400, 'the body is not JSON', ['send {"text": "…", "published": "2023-02-08"} with Content-Type: application/json']);
      });
      const body = CheckBody.safeParse(raw);
      if (!body.success) throw new ApiError(400, body.error.issues.map((i) => i.message).join('; '), ['send {"text": "…", "published": "2023-02-08", "lang": "en"}']);
      // Loaded at the first check, not at every start of the server: the checker and chrono-node are some 300 modules.
      const { checkText } = await import('../../check/check.js');
      const report = await readers.use((store) =>
        checkText(store, body.data.text, {
          filter: filterOf(query),
          aliases: loadAliases(),
          maxIds: CHECK_PARAMS.maxIds.default,
          ...valuesOf(Object.values(CHECK_PARAMS), query),
          ...(body.data.published ? { published: body.data.published } : {}),
          ...(body.data.lang ? { lang: body.data.lang } : {}),
        }),
      );
      // Parameters named in sentences and commands, as this API names them, or as tokens for a client that words them itself.
      return c.json(wantsTokens(c.req.header(WORDING_HEADER)) ? report : wordDeep(report, HTTP_NAMES), 200, { Vary: WORDING_HEADER });
    },
  );
}
