import { z } from "zod";

/**
 * The digest formats the ingest reads:
 * - `hf-papers-page`: text copied from a Hugging Face Papers page;
 * - `hf-daily-api`: JSON from Hugging Face's `/api/daily_papers`.
 */
export const DigestFormatSchema = z.enum(["hf-papers-page", "hf-daily-api"]);
export type DigestFormat = z.infer<typeof DigestFormatSchema>;
