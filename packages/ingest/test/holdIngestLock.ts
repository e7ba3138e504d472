import { acquireIngestLock, IngestLockedError } from "../src/database/acquireIngestLock";

/**
 * Takes the ingest lock of `<database>` once, in a process of its own, at the
 * moment `<startAt>` (milliseconds since the epoch), so that several of these
 * processes race for it. Holds it for `<holdMs>`, then prints
 * `held <from> <to>`, or `locked` when another process had it.
 */
const [databasePath, startAt, holdMs] = process.argv.slice(2);
if (databasePath === undefined || startAt === undefined || holdMs === undefined) {
  throw new Error("Usage: holdIngestLock.ts <database> <startAt> <holdMs>");
}
while (Date.now() < Number(startAt)) {
  // Spins rather than sleeps, so that every process tries within the same millisecond or two.
}
try {
  const release = await acquireIngestLock(databasePath);
  const heldFrom = Date.now();
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  const heldTo = Date.now();
  release();
  process.stdout.write(`held ${heldFrom} ${heldTo}\n`);
} catch (error) {
  if (!(error instanceof IngestLockedError)) throw error;
  process.stdout.write("locked\n");
}
