import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parsePythonLiteral } from "@alignment-trends/ingest";
import { z } from "zod";

/** The members of a daily-papers API entry that the profile measures; the rest pass through unchecked. */
const ApiEntrySchema = z.looseObject({
  paper: z.looseObject({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    authors: z.array(z.looseObject({ name: z.string(), hidden: z.boolean().optional(), status: z.string().optional(), user: z.unknown().optional() })),
    publishedAt: z.string(),
    submittedOnDailyAt: z.string().optional(),
    upvotes: z.number(),
    githubRepo: z.string().nullish(),
    githubRepoAddedBy: z.string().optional(),
    githubStars: z.number().optional(),
    projectPage: z.string().nullish(),
    ai_summary: z.string().nullish(),
    ai_summary_model: z.string().optional(),
    ai_keywords: z.array(z.string()).nullish(),
    organization: z.unknown().optional(),
    mediaUrls: z.array(z.string()).optional(),
  }),
  numComments: z.number(),
  mediaUrls: z.array(z.string()).optional(),
  isAuthorParticipating: z.boolean().optional(),
});

export type ApiEntry = z.infer<typeof ApiEntrySchema>;

/** One daily file of the API: its day (from the file name), its entries in file order, its size and its JSON indent. */
export interface ApiDay {
  day: string;
  entries: ApiEntry[];
  bytes: number;
  /** Spaces before the second line, the indent of pretty-printed JSON; 0 for a file on one line. */
  indent: number;
}

/** Returns the entries of a file: a JSON array, or Python `repr()` strings of entries, bare or under `data`. */
function entriesOfFile(text: string, file: string): ApiEntry[] {
  const parsed: unknown = JSON.parse(text);
  const items = Array.isArray(parsed) ? parsed : z.object({ data: z.array(z.unknown()) }).parse(parsed).data;
  return items.map((item, index) => {
    const value = typeof item === "string" ? parsePythonLiteral(item) : item;
    const result = ApiEntrySchema.safeParse(value);
    if (!result.success) throw new Error(`Invalid daily-papers entry ${index} in ${file}: ${result.error.message}`, { cause: result.error });
    return result.data;
  });
}

/**
 * Reads every `YYYY-MM-DD.json` daily-papers API file in `folder`, in day
 * order. Raises on a file that is not the API's shape, because a profile
 * measured on part of the files would mislead silently.
 */
export async function readApiEntries(folder: string): Promise<ApiDay[]> {
  const names = (await readdir(folder)).filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/u.test(name)).sort();
  if (names.length === 0) throw new Error(`No YYYY-MM-DD.json daily-papers files in ${folder}; pass the folder of the real API files with --real`);
  const days: ApiDay[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const text = await readFile(file, "utf8");
    const indent = /\n( *)\S/u.exec(text)?.[1]?.length ?? 0;
    days.push({ day: name.slice(0, 10), entries: entriesOfFile(text, file), bytes: Buffer.byteLength(text), indent });
  }
  return days;
}
