import { z } from "zod";

/*
 * Zod 4 compiles object parsers with `new Function`, and probes whether it may
 * by calling `Function("")` when it builds the first object schema. On a page
 * whose Content Security Policy has no `'unsafe-eval'`, that probe fails and
 * the browser reports a CSP violation, although Zod then falls back to its
 * interpreter. Browsers therefore run Zod without the compiler from the start.
 * Servers keep it, because the ingest validates every record with it.
 * This module must be imported before any module that builds a schema.
 */
if ("window" in globalThis) z.config({ jitless: true });
