#!/usr/bin/env tsx
import { runExportCommand } from "./runExportCommand";

// Ctrl-C interrupts the running query, so the export removes its temporary folder before it exits.
const controller = new AbortController();
process.once("SIGINT", () => controller.abort());

runExportCommand(process.argv.slice(2), process.env, process, controller.signal).then((code) => {
  process.exitCode = code;
});
