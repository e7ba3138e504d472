import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabasePath } from "@alignment-trends/analytics";
import { z } from "zod";
import { DASHBOARD_LOAD_PATHS } from "./dashboardLoadPaths";
import { measureApiQueries } from "./measureApiQueries";
import { measureDashboardPage } from "./measureDashboardPage";
import { formatApiQueryMeasurement, formatDashboardPage, formatHttpLoad } from "./formatMeasurements";
import { runHttpLoad } from "./runHttpLoad";

const USAGE = `Usage: npm run bench:measure -- <command> [options]

Commands:
  load   Load the trends and papers routes of a running server over HTTP (autocannon)
         --base-url URL     server origin (default http://127.0.0.1:3000)
         --connections N    concurrent keep-alive connections (default 50)
         --duration S       seconds of load (default 20)
         --timeout S        seconds before a request counts as timed out, at least 1 (default 10)
         --path P           a path with query string; repeat for several (default: 9 trends and papers requests)
  page   Load a page of a running server in headless Chromium
         --base-url URL     server origin (default http://127.0.0.1:3000)
         --path P           page path (default /)
         --runs N           page loads, each in a new browser context (default 5)
  api    Time every /api/v1/ request in this process, calling the route handlers directly
         --db PATH          trends database (default TRENDS_DB, else data/trends.duckdb)
         --cold N           samples on a freshly opened database per request (default 5)
         --warm N           samples on an open database per request (default 20)
         --database MODE    uncached (every request runs its queries) or server (the app's TrendsDatabase) (default uncached)
         --only NAME        measure only the request with this name; repeat for several

  --json   print the full result as JSON instead of a summary
`;

const count = z.coerce.number().int().min(1);
const seconds = z.coerce.number().positive();

const ArgumentsSchema = z.object({
  command: z.enum(["load", "page", "api"], { error: "expected the command load, page or api" }),
  baseUrl: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3000"),
  connections: count.default(50),
  duration: seconds.default(20),
  timeout: z.coerce.number().min(1).default(10),
  path: z.array(z.string()).optional(),
  runs: count.default(5),
  db: z.string().min(1).optional(),
  cold: count.default(5),
  warm: count.default(20),
  database: z.enum(["uncached", "server"]).default("uncached"),
  only: z.array(z.string()).optional(),
  json: z.boolean().default(false),
});
type Arguments = z.infer<typeof ArgumentsSchema>;

function readArguments(argv: string[]): Arguments {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "base-url": { type: "string" },
      connections: { type: "string" },
      duration: { type: "string" },
      timeout: { type: "string" },
      path: { type: "string", multiple: true },
      runs: { type: "string" },
      db: { type: "string" },
      cold: { type: "string" },
      warm: { type: "string" },
      database: { type: "string" },
      only: { type: "string", multiple: true },
      json: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stdout.write(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const { "base-url": baseUrl, help: _help, ...rest } = values;
  return ArgumentsSchema.parse({ ...rest, baseUrl, command: positionals[0] });
}

async function runCommand(args: Arguments): Promise<void> {
  const print = (value: unknown, summary: () => string) => process.stdout.write(args.json ? `${JSON.stringify(value, null, 2)}\n` : `${summary()}\n`);

  if (args.command === "load") {
    const paths = args.path ?? [...DASHBOARD_LOAD_PATHS];
    const result = await runHttpLoad({ baseUrl: args.baseUrl, paths, connections: args.connections, durationSeconds: args.duration, timeoutSeconds: args.timeout });
    print(result, () => formatHttpLoad(result));
    return;
  }

  if (args.command === "page") {
    const result = await measureDashboardPage({ baseUrl: args.baseUrl, path: args.path?.[0] ?? "/", runs: args.runs });
    print(result, () => formatDashboardPage(result));
    return;
  }

  // npm runs scripts from the repository root, so a relative --db is taken from the folder npm was started in.
  const databasePath = args.db ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args.db) : resolveDatabasePath();
  const report = await measureApiQueries({
    databasePath,
    coldSamples: args.cold,
    warmSamples: args.warm,
    database: args.database,
    only: args.only,
    onMeasured: args.json ? undefined : (measurement) => process.stdout.write(`${formatApiQueryMeasurement(measurement)}\n`),
  });
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

try {
  await runCommand(readArguments(process.argv.slice(2)));
} catch (error) {
  const message = error instanceof z.ZodError ? `Invalid option:\n${z.prettifyError(error)}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
