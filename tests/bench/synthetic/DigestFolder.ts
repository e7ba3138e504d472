import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** The output folder of a run: writes digest files into a folder per year and counts the files and bytes written. */
export class DigestFolder {
  files = 0;
  bytes = 0;

  private constructor(readonly root: string) {}

  /** Opens `root` for a run, creating it when missing. Raises when it already contains files, so old files never mix with new ones. */
  static async open(root: string): Promise<DigestFolder> {
    const existing = await readdir(root).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    if (existing.length > 0) throw new Error(`Output folder ${root} is not empty; pass a new or empty folder so old files do not mix with the generated ones`);
    await mkdir(root, { recursive: true });
    return new DigestFolder(root);
  }

  /** Writes `text` to `<root>/<kind>/<year of day>/<name>`. */
  async write(kind: string, day: string, name: string, text: string): Promise<void> {
    const folder = path.join(this.root, kind, day.slice(0, 4));
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, name), text);
    this.files += 1;
    this.bytes += Buffer.byteLength(text);
  }
}
