import type { KillPointResult } from "./runKillPoint";

/** Formats kill point results as a table, one line each: where the kill landed, what the database held, and the recovery. */
export function formatKillPoints(results: KillPointResult[]): string {
  const header = `${"kill point".padEnd(22)} ${"killed at".padStart(11)} ${"step".padEnd(15)} ${"copy bytes".padStart(10)} ${"database".padEnd(9)} ${"left after kill".padEnd(58)} recovery`;
  const lines = results.map((result) =>
    [
      result.label.padEnd(22),
      (result.killed ? `${Math.round(result.killedAtMs ?? 0)} ms` : "ended first").padStart(11),
      result.stage.padEnd(15),
      (result.workingCopyBytes === null ? "-" : String(result.workingCopyBytes)).padStart(10),
      result.content.padEnd(9),
      (result.leftAfterKill.map((name) => name.replace(/ingest-\d+/u, "ingest-PID")).join(" ") || "-").padEnd(58),
      `exit ${result.recoveryCode}, ${Math.round(result.recoveryMs)} ms, ${result.recoveryContentMatches ? "same content" : "DIFFERENT content"}` +
        (result.cleanupLine === null ? "" : ", removed leftovers"),
    ].join(" "),
  );
  return [header, ...lines].join("\n");
}
