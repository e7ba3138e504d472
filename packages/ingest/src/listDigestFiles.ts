import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export interface DigestFileEntry {
  path: string;
  /** True when the user named the file itself; false when it was found inside a named folder. */
  named: boolean;
}

/** An input path that does not exist or cannot be read; the message names it. */
export class InputNotFoundError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InputNotFoundError";
  }
}

/**
 * Expands files and folders into digest files: a named file is taken as it
 * is, and a folder contributes every file below it, recursively, except
 * hidden ones. The result is sorted by path within each input, so runs are
 * repeatable. Raises `InputNotFoundError` when an input does not exist.
 */
export async function listDigestFiles(inputs: string[]): Promise<DigestFileEntry[]> {
  const files: DigestFileEntry[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
      throw new InputNotFoundError(`Cannot read ${input}: ${error.code === "ENOENT" ? "no such file or folder" : error.message}`, { cause: error });
    });
    if (info.isDirectory()) {
      const found = await readdir(input, { recursive: true, withFileTypes: true });
      const paths = found
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .filter((file) => !path.relative(input, file).split(path.sep).some((part) => part.startsWith(".")))
        .sort();
      files.push(...paths.map((file) => ({ path: file, named: false })));
    } else {
      files.push({ path: input, named: true });
    }
  }
  return files;
}
