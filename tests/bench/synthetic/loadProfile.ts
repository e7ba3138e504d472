import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SyntheticProfileSchema, type SyntheticProfile } from "./profileSchema";

/** The profile committed beside this file, written by `npm run bench:profile`. */
export const DEFAULT_PROFILE_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "profile.json");

/** Reads and validates a profile; raises naming the file and the first invalid members. */
export function loadProfile(file = DEFAULT_PROFILE_PATH): SyntheticProfile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read the synthetic profile ${file}: ${error instanceof Error ? error.message : String(error)}; run npm run bench:profile to write it`, { cause: error });
  }
  const result = SyntheticProfileSchema.safeParse(json);
  if (!result.success) throw new Error(`Invalid synthetic profile ${file}: ${result.error.message}`, { cause: result.error });
  return result.data;
}
