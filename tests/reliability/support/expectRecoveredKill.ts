import { expect } from "vitest";
import type { IngestStage } from "./ingestStage";
import type { KillPointResult } from "./runKillPoint";

/** Steps in which the database must still hold exactly what it held before the ingest. */
const BEFORE_PUBLISH: IngestStage[] = ["startup", "cleanup", "working copy", "load", "tagging", "term index", "monthly counts", "checkpoint"];

/**
 * Asserts what a killed ingest must leave. The kill landed in the process
 * that held the lock. The database opens, with its old content up to the
 * rename and the new content after it. The next ingest of the same files
 * exits as an uninterrupted one did, leaves no file behind, and gives the
 * same content as an uninterrupted one.
 */
export function expectRecoveredKill(result: KillPointResult, referenceCode: number | null): void {
  // After the rename the ingest releases its lock, so a kill there may find none.
  const lockReleased = result.stage === "published" && result.lockHolderPid === null;
  if (result.killed && result.stage !== "startup" && !lockReleased) expect(result.lockHolderPid, "the process that held the lock").toBe(result.pid);
  if (!result.killed) expect(result.content, "the content of an ingest that ended before the kill").toBe("complete");
  else if (BEFORE_PUBLISH.includes(result.stage)) expect(result.content, `the content after a kill in ${result.stage}`).toBe("before");
  else if (result.stage === "published") expect(result.content, "the content after the rename").toBe("complete");
  else expect(["before", "complete"], "the content after a kill during the rename").toContain(result.content);

  expect(result.recoveryCode, "the exit status of the ingest after the kill").toBe(referenceCode);
  expect(result.recoveryContentMatches, "the content after the ingest that followed the kill").toBe(true);
  expect(result.leftAfterRecovery, "files left beside the database").toEqual([]);
}
