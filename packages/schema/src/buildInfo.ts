import { z } from "zod";

/** The database build a response was computed from, as the ingest recorded it. */
export const BuildInfoSchema = z.object({
  buildId: z.string().describe("A new id for every ingest or retag that wrote the database."),
  builtAt: z.string().describe("When the database was written, as `YYYY-MM-DD HH:MM:SS.ffffff` without a time zone."),
  taxonomyVersion: z.string().nullable().describe("The version of the topic rules that tagged the papers."),
});
export type BuildInfo = z.infer<typeof BuildInfoSchema>;
