import { z } from "zod";

/**
 * The id of a digest format, such as `hf-daily-api`. The ingest's parser
 * registry lists the formats it reads; the id is free text here so that a new
 * format needs no change outside its own module and the registry.
 */
export const DigestFormatSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/u, "expected a format id such as hf-daily-api");
export type DigestFormat = z.infer<typeof DigestFormatSchema>;
