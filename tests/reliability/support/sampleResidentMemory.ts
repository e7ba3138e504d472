import { readResidentMemory } from "./readResidentMemory";

/** One reading of a process's resident set size. */
export interface MemorySample {
  /** The `performance.now()` time of the reading, in milliseconds. */
  at: number;
  bytes: number;
}

/** A running series of readings; `stop` ends it and returns every reading, the first taken at once. */
export interface MemorySampler {
  stop: () => MemorySample[];
}

/**
 * Reads the resident set size of process `pid` every `intervalMs`
 * milliseconds. A reading that fails (the process exited) throws from `stop`,
 * so a series never silently ends early.
 */
export function sampleResidentMemory(pid: number, intervalMs = 1000): MemorySampler {
  const samples: MemorySample[] = [];
  let failure: unknown;
  const read = () => {
    try {
      samples.push({ at: performance.now(), bytes: readResidentMemory(pid) });
    } catch (error) {
      failure ??= error;
    }
  };
  read();
  const timer = setInterval(read, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      if (failure !== undefined) throw new Error(`Failed to read the memory of process ${pid}`, { cause: failure });
      return samples;
    },
  };
}
