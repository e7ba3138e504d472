import { z } from "zod";

const PaperPageSchema = z.object({ total: z.number().int() });

/**
 * Returns the number of papers the server at `baseUrl` serves, from
 * `/api/v1/papers?limit=1`. Throws on any status other than 200, with the
 * status and body, so a probe counts as a failed request like any other.
 */
export async function readPaperTotal(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/papers?limit=1`, { signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET /api/v1/papers?limit=1 returned ${response.status}: ${body.slice(0, 500)}`);
  return PaperPageSchema.parse(JSON.parse(body)).total;
}
