import { writeFileSync } from "node:fs";

/*
 * Loaded with `node --import` into a child process under test: when the
 * process exits, it writes its peak resident set size in bytes to the file
 * named by PEAK_MEMORY_FILE, so the parent can bound the child's memory.
 */
const reportFile = process.env.PEAK_MEMORY_FILE;
if (reportFile) {
  process.on("exit", () => {
    // resourceUsage() reports maxRSS in kibibytes.
    writeFileSync(reportFile, String(process.resourceUsage().maxRSS * 1024));
  });
}
