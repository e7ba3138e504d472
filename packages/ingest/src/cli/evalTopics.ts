#!/usr/bin/env tsx
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { findRepositoryRoot } from "@alignment-trends/analytics";
import { z } from "zod";
import { hfDailyApiParser } from "../formats/parsers/hfDailyApi";
import { DigestSource } from "../source/DigestSource";
import { evaluateTopics, LabelledPaperSchema, type TopicEvaluation } from "../topics/evaluateTopics";
import { loadTaxonomy } from "../topics/loadTaxonomy";
import { compileTaxonomy, type TaggableText } from "../topics/tagPaper";

const USAGE = `Usage: npm run eval:topics -- [--labels FILE] [--texts FOLDER] [--errors] [--write-doc]

Tags hand-labelled papers with the current taxonomy and prints scope accuracy
and precision, recall and F1 per topic with their macro average.

Options:
  --labels FILE    labelled papers, a JSON array of {id, title, scope, topics}
                   (default: ../shared/data/labels/dev.json beside the repository)
  --texts FOLDER   Hugging Face daily-papers API files holding the papers' titles,
                   abstracts and keywords (default: data/samples/hf-daily-api)
  --errors         also list every paper the tagger gets wrong, with its evidence
  --write-doc      write the figures into docs/topics.md`;

/** Reads titles, abstracts and keywords of every paper in a folder of API day files, by arXiv id. */
async function readTexts(folder: string): Promise<Map<string, TaggableText>> {
  const texts = new Map<string, TaggableText>();
  for (const name of readdirSync(folder).sort()) {
    const parsed = await hfDailyApiParser.parse(new DigestSource(path.join(folder, name)), { asOf: null, today: "2100-01-01" });
    for await (const item of parsed.items) {
      if (!("record" in item) || !item.record.arxivId) continue;
      const { title, abstract, aiKeywords } = item.record;
      texts.set(item.record.arxivId, { title, abstract, keywords: aiKeywords ?? [] });
    }
  }
  return texts;
}

function percent(value: number): string {
  return value.toFixed(3);
}

/** Formats the figures as a markdown report: scope accuracy, then one row per topic. */
export function formatEvaluation(evaluation: TopicEvaluation, taxonomyVersion: string, labelsName: string): string {
  const rows = evaluation.topics.map(
    (topic) =>
      `| \`${topic.topic}\` | ${topic.truePositives + topic.falseNegatives} | ${topic.truePositives} | ${topic.falsePositives} | ${topic.falseNegatives} | ${percent(topic.precision)} | ${percent(topic.recall)} | ${percent(topic.f1)} |`,
  );
  return [
    `Taxonomy version ${taxonomyVersion}, ${evaluation.papers} labelled papers from \`${labelsName}\`${evaluation.missingTexts.length > 0 ? ` (${evaluation.missingTexts.length} without a text, left out)` : ""}.`,
    "",
    `- Scope accuracy: **${percent(evaluation.scopeAccuracy)}** (target at least 0.90)`,
    `- Macro F1 over topics: **${percent(evaluation.macroF1)}** (target at least 0.75)`,
    "",
    "| topic | labelled | true positives | false positives | false negatives | precision | recall | F1 |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

const START = "<!-- topic-evaluation:start -->";
const END = "<!-- topic-evaluation:end -->";

function writeDoc(file: string, section: string): void {
  const page = readFileSync(file, "utf8");
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`${file} has no ${START} … ${END} markers to write the figures between`);
  writeFileSync(file, `${page.slice(0, start + START.length)}\n${section}\n${page.slice(end)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      labels: { type: "string" },
      texts: { type: "string" },
      errors: { type: "boolean", default: false },
      "write-doc": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const root = findRepositoryRoot();
  const labelsPath = path.resolve(values.labels ?? path.join(root, "..", "shared", "data", "labels", "dev.json"));
  const textsPath = path.resolve(values.texts ?? path.join(root, "data", "samples", "hf-daily-api"));

  const labels = z.array(LabelledPaperSchema).parse(JSON.parse(readFileSync(labelsPath, "utf8")));
  const taxonomySource = loadTaxonomy();
  const evaluation = evaluateTopics(compileTaxonomy(taxonomySource), labels, await readTexts(textsPath));
  const report = formatEvaluation(evaluation, taxonomySource.version, path.basename(labelsPath));

  process.stdout.write(`${report}\n`);
  if (values.errors) {
    for (const error of evaluation.errors) {
      const scope = error.expectedScope === error.taggedScope ? "" : ` scope ${error.taggedScope}, expected ${error.expectedScope};`;
      const missing = error.missingTopics.length > 0 ? ` missing ${error.missingTopics.join(", ")};` : "";
      const extra = error.extraTopics.length > 0 ? ` extra ${error.extraTopics.join(", ")};` : "";
      process.stdout.write(`${error.id} ${error.title.slice(0, 70)}:${scope}${missing}${extra} evidence: ${error.evidence.join(" | ")}\n`);
    }
  }
  if (values["write-doc"]) writeDoc(path.join(root, "docs", "topics.md"), report);
}

main().catch((error: unknown) => {
  process.stderr.write(`Topic evaluation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
