/** pino's level number of `warn`; `error` and `fatal` are above it. */
const PINO_WARN = 40;

/**
 * Returns the lines of a server's pino log at level warn or above, such as
 * "database unavailable" or "request failed". Lines that are not JSON (Next's
 * own start-up banner) are skipped, because pino writes every event as JSON.
 */
export function readLoggedProblems(log: string): string[] {
  return log.split("\n").filter((line) => {
    if (!line.startsWith("{")) return false;
    const event = JSON.parse(line) as { level?: unknown };
    return typeof event.level === "number" && event.level >= PINO_WARN;
  });
}
