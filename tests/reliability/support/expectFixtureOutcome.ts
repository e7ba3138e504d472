import path from "node:path";
import type { Row } from "@alignment-trends/analytics";
import { IngestSummarySchema, type IngestSummary } from "@alignment-trends/schema";
import { expect } from "vitest";
import type { HostileFixture } from "../../fixtures/hostile/manifest";
import { REPOSITORY_ROOT } from "../../support/paths";
import { queryDatabase } from "./queryDatabase";
import type { CliRun } from "./runMeasuredIngest";

/** What one ingest run left: its `--json` summary, and the rejects and arXiv papers in its database. */
export interface IngestResult {
  summary: IngestSummary;
  rejects: Row[];
  papers: Row[];
}

/** A line of a JavaScript stack trace, which no output of the CLI may contain. */
export const STACK_FRAME = /^\s+at\s/mu;

/** Reads the summary a `--json` run printed, validated, and the rejects and papers of its database. */
export async function readIngestResult(run: CliRun, databasePath: string): Promise<IngestResult> {
  const summary = IngestSummarySchema.parse(JSON.parse(run.stdout));
  const rejects = await queryDatabase(databasePath, "SELECT path, location, reason, detail FROM rejects");
  const papers = await queryDatabase(databasePath, "SELECT arxiv_id, title, authors_count FROM papers WHERE arxiv_id IS NOT NULL");
  return { summary, rejects, papers };
}

function byLocation(first: { location: string; reason: string }, second: { location: string; reason: string }): number {
  return `${first.location}\u0000${first.reason}`.localeCompare(`${second.location}\u0000${second.reason}`);
}

function countByReason(rejects: { reason: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const reject of rejects) counts[reject.reason] = (counts[reject.reason] ?? 0) + 1;
  return counts;
}

/**
 * Asserts that a run gave the fixture at `file` its expected outcome. The
 * checks cover the status, format and counts of its summary entry, and every
 * reject stored for it with its location and the text its detail contains.
 * They also cover a failed file's error, which must name the file, and the
 * papers the file must have stored. `placement` is whether the file was
 * named on the command line or found in a folder.
 */
export function expectFixtureOutcome(fixture: HostileFixture, file: string, result: IngestResult, placement: "named" | "in folder"): void {
  const expected = fixture.expect;
  const status = placement === "in folder" ? (expected.statusInFolder ?? expected.status) : expected.status;
  const expectedRejects = status === "skipped" ? [] : [...expected.rejects].sort(byLocation);
  const outcome = result.summary.digests.find((digest) => path.resolve(REPOSITORY_ROOT, digest.path) === file);
  expect(outcome, `no summary entry for ${file}`).toBeDefined();

  expect({
    status: outcome!.status,
    format: outcome!.format,
    parsed: outcome!.parsed,
    duplicatesInFile: outcome!.duplicatesInFile,
    rejectedByReason: outcome!.rejectedByReason,
  }).toEqual({
    status,
    format: status === "skipped" ? null : expected.format,
    parsed: expected.parsed,
    duplicatesInFile: expected.duplicatesInFile,
    rejectedByReason: countByReason(expectedRejects),
  });

  const stored = result.rejects
    .filter((row) => path.resolve(REPOSITORY_ROOT, String(row.path)) === file)
    .map((row) => ({ location: String(row.location), reason: String(row.reason), detail: String(row.detail) }))
    .sort(byLocation);
  expect(stored.map(({ location, reason }) => ({ location, reason }))).toEqual(expectedRejects.map(({ location, reason }) => ({ location, reason })));
  stored.forEach((reject, index) => expect(reject.detail).toContain(expectedRejects[index]!.detail));

  if (status === "failed") {
    expect(outcome!.error).toBe(stored[0]!.detail);
    expect(outcome!.error!.startsWith(`${file}: `)).toBe(true);
  } else {
    expect(outcome!.error).toBeNull();
  }

  for (const paper of status === "skipped" ? [] : expected.papers) {
    const row = result.papers.find((candidate) => candidate.arxiv_id === paper.arxivId);
    expect(row, `no paper ${paper.arxivId}`).toBeDefined();
    expect(row!.title).toBe(paper.title);
    if (paper.authorsCount !== undefined) expect(row!.authors_count).toBe(paper.authorsCount);
  }
}
