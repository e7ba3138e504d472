/** A command line a benchmark tool cannot run; the tool exits with status 2 and its usage text. */
export class UsageError extends Error {}
