import { pathToFileURL } from "node:url";
import type { NextRequest } from "next/server";

/** A route module's `GET` export as the App Router calls it. */
export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;

let moduleInstance = 0;

/**
 * Imports a route module's `GET` handler. A fresh import adds a query
 * string to the module's URL, which gives a new instance of that module with
 * its module-level state (such as a memoized document) reset. The modules
 * it imports stay shared.
 */
export async function importRouteHandler(file: string, fresh: boolean): Promise<RouteHandler> {
  moduleInstance += 1;
  const url = pathToFileURL(file).href + (fresh ? `?instance=${moduleInstance}` : "");
  const restoreLogLevel = quietServerLog();
  try {
    const routeModule = (await import(url)) as { GET?: unknown };
    if (typeof routeModule.GET !== "function") throw new Error(`${file} exports no GET handler; measure a route module that answers GET`);
    return routeModule.GET as RouteHandler;
  } finally {
    restoreLogLevel();
  }
}

/**
 * Sets `LOG_LEVEL=warn` while the routes import the server's logger, which
 * reads it once, so that routes logging every request at info level do not
 * flood the output. An explicit `LOG_LEVEL` is kept.
 */
function quietServerLog(): () => void {
  if (process.env.LOG_LEVEL !== undefined) return () => {};
  process.env.LOG_LEVEL = "warn";
  return () => {
    delete process.env.LOG_LEVEL;
  };
}
