import path from "node:path";

const WIDTH = 30;

/** Redraws a one-line progress bar on a terminal stream, such as `[#####-----] 12/197 2025-06-03.json`. */
export function drawProgressBar(stream: NodeJS.WriteStream, done: number, total: number, file: string): void {
  const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
  const label = `${done}/${total} ${path.basename(file)}`;
  const line = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${label}`;
  stream.write(`\r${line.slice(0, (stream.columns ?? 80) - 1).padEnd((stream.columns ?? 80) - 1)}`);
  if (done === total) stream.write("\n");
}
