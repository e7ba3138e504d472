/**
 * Writes a seeded set of synthetic digests for benchmarks.
 *
 * Usage: npm run bench:generate -- --papers N --seed S --out DIR [--page-every DAYS] [--page-share SHARE] [--relist-share SHARE]
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { generateDigests, GenerateOptionsSchema } from "./generateDigests";

const USAGE = "Usage: npm run bench:generate -- --papers N --seed S --out DIR [--page-every DAYS] [--page-share SHARE] [--relist-share SHARE]";

/** A decimal number from the command line, rejecting text such as "10k" that Number() would turn into NaN. */
const NumberText = z.string().regex(/^\d+(?:\.\d+)?$/u, "expected a plain decimal number").transform(Number);

const CliSchema = z.object({
  papers: NumberText,
  seed: NumberText,
  out: z.string().min(1),
  "page-every": NumberText.optional(),
  "page-share": NumberText.optional(),
  "relist-share": NumberText.optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      papers: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      "page-every": { type: "string" },
      "page-share": { type: "string" },
      "relist-share": { type: "string" },
    },
    allowPositionals: false,
  });
  const parsed = CliSchema.safeParse(values);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid arguments (${issues}).\n${USAGE}`);
  }
  const cli = parsed.data;
  const options = GenerateOptionsSchema.parse({
    papers: cli.papers,
    seed: cli.seed,
    outDir: cli.out,
    pageEvery: cli["page-every"],
    pageShare: cli["page-share"],
    relistShare: cli["relist-share"],
  });

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
  process.stderr.write(`Generating synthetic digests failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
