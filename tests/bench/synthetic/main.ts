/**
 * Writes a seeded set of synthetic digests for benchmarks and prints a JSON
 * summary with the elapsed time and peak memory. Run with --help for the options.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { UsageError } from "../UsageError";
import { generateDigests, GenerateOptionsSchema } from "./generateDigests";

const USAGE = `Usage: npm run bench:generate -- --papers N --seed S --out DIR [options]
  --papers N            distinct papers in the daily API files, 1 to 10,000,000
  --seed S              generator seed, 0 to 4294967295; the same seed and options write the same bytes
  --out DIR             a new or empty folder for the files
  --page-every DAYS     calendar days between two papers-page files (default 28)
  --page-share SHARE    share of papers that a page lists again, 0 to 1 (default 0.03)
  --relist-share SHARE  share of papers listed again on a later day, 0 to 1 (default: the profile's measured share, about 0.0001)`;

/** A decimal number from the command line, rejecting text such as "10k" that Number() would turn into NaN. */
const NumberText = z
  .string({ error: "missing value" })
  .regex(/^\d+(?:\.\d+)?$/u, "expected a plain decimal number")
  .transform(Number);

/** The command-line option of each generator option, for messages. */
const OPTION_NAMES: Record<string, string> = { papers: "--papers", seed: "--seed", outDir: "--out", pageEvery: "--page-every", pageShare: "--page-share", relistShare: "--relist-share" };

function describeIssues(error: z.ZodError, name: (key: string) => string): string {
  return error.issues.map((issue) => `${name(String(issue.path[0]))}: ${issue.message}`).join("; ");
}

const CliSchema = z.object({
  papers: NumberText,
  seed: NumberText,
  out: z.string({ error: "missing value" }).min(1),
  "page-every": NumberText.optional(),
  "page-share": NumberText.optional(),
  "relist-share": NumberText.optional(),
});

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        papers: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        "page-every": { type: "string" },
        "page-share": { type: "string" },
        "relist-share": { type: "string" },
        help: { type: "boolean" },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const parsed = CliSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(`Invalid arguments (${describeIssues(parsed.error, (key) => `--${key}`)}).`);
  const cli = parsed.data;
  const checked = GenerateOptionsSchema.safeParse({
    papers: cli.papers,
    seed: cli.seed,
    outDir: cli.out,
    pageEvery: cli["page-every"],
    pageShare: cli["page-share"],
    relistShare: cli["relist-share"],
  });
  if (!checked.success) throw new UsageError(`Invalid arguments (${describeIssues(checked.error, (key) => OPTION_NAMES[key] ?? key)}).`);
  const options = checked.data;

  const startedAt = performance.now();
  let reported = 0;
  const summary = await generateDigests(options, {
    onProgress: (done, days) => {
      const percent = Math.floor((done / days) * 100);
      if (percent >= reported + 10 || done === days) {
        reported = percent;
        process.stderr.write(`  ${done}/${days} days (${percent}%)\n`);
      }
    },
  });
  const elapsedMs = performance.now() - startedAt;
  // maxRSS is in kibibytes on Linux.
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...summary, elapsedMs: Math.round(elapsedMs), peakRssMiB: Math.round(peakRssMiB) }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`Generating synthetic digests failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
