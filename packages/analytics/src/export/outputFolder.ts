import { randomUUID } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { DATASET_MANIFEST_FILE } from "@alignment-trends/schema";

/** The output folder cannot take the dataset as requested; the message names the folder and what to do. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFolderError";
  }
}

/**
 * Checks that the dataset may be written to `folder`: the folder is absent or
 * empty, or, with `overwrite`, contains an earlier export. An earlier export
 * is a folder with `_manifest.json` at its top. No other folder is ever
 * replaced, so a mistyped path cannot delete unrelated files.
 */
export function checkOutputFolder(folder: string, overwrite: boolean): void {
  if (!existsSync(folder)) return;
  if (!statSync(folder).isDirectory()) {
    throw new OutputFolderError(`Output path ${folder} is a file, not a folder; name a new or empty folder for the dataset`);
  }
  if (readdirSync(folder).length === 0) return;
  if (!overwrite) {
    throw new OutputFolderError(
      `Output folder ${folder} is not empty; name a new or empty folder, or pass --overwrite to replace an earlier export there`,
    );
  }
  if (!existsSync(path.join(folder, DATASET_MANIFEST_FILE))) {
    throw new OutputFolderError(
      `Output folder ${folder} contains no ${DATASET_MANIFEST_FILE}, so it is not an earlier export, which is all --overwrite replaces; name a new or empty folder`,
    );
  }
}

/** Returns a path beside `folder` for a temporary folder, hidden by a leading dot so that no reader of the parent takes it for a table. */
export function siblingPath(folder: string, purpose: string): string {
  return path.join(path.dirname(folder), `.${path.basename(folder)}.${purpose}-${process.pid}-${randomUUID().slice(0, 8)}`);
}

/** Creates the folder beside `folder` that the export writes into before it renames it into place, creating the parent folders too. */
export function createStagingFolder(folder: string): string {
  mkdirSync(path.dirname(folder), { recursive: true });
  const staging = siblingPath(folder, "export");
  mkdirSync(staging);
  return staging;
}

/** Flushes every file and folder under `folder` to disk, so that a crash after the rename cannot leave it with missing data. */
function syncTree(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) syncTree(entryPath);
    else syncPath(entryPath);
  }
  syncPath(folder);
}

function syncPath(target: string): void {
  const descriptor = openSync(target, "r");
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Moves the finished staging folder to `folder`. An empty folder there is
 * removed first. An earlier export is moved aside, replaced, and then
 * deleted, and it is moved back when the replacement fails. Both renames stay
 * on one file system, so each is atomic, but a reader may find no folder
 * between the two. The output folder is checked again first, in case
 * another process wrote to it during the export.
 */
export function publishStagingFolder(staging: string, folder: string, overwrite: boolean): void {
  syncTree(staging);
  checkOutputFolder(folder, overwrite);

  // rmdir fails on a folder that is no longer empty, so a file written there meanwhile is never deleted.
  if (existsSync(folder) && readdirSync(folder).length === 0) rmdirSync(folder);
  if (!existsSync(folder)) {
    renameSync(staging, folder);
    syncPath(path.dirname(folder));
    return;
  }

  const replaced = siblingPath(folder, "replaced");
  renameSync(folder, replaced);
  try {
    renameSync(staging, folder);
  } catch (error) {
    renameSync(replaced, folder);
    throw error;
  }
  syncPath(path.dirname(folder));
  rmSync(replaced, { recursive: true, force: true });
}
