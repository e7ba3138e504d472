import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** The route module that serves a request path, and the values of its dynamic segments. */
export interface RouteModuleLocation {
  file: string;
  params: Record<string, string>;
}

/**
 * Finds the App Router `route.ts` under `webRoot/app` that Next.js would run
 * for `pathname`: a folder named after the segment first, else a dynamic
 * `[name]` folder, whose value is the segment still percent-encoded, as
 * Next.js passes it.
 */
export function resolveRouteModule(webRoot: string, pathname: string): RouteModuleLocation {
  const segments = pathname.split("/").filter((segment) => segment.length > 0);
  const params: Record<string, string> = {};
  let folder = path.join(webRoot, "app");

  for (const segment of segments) {
    const decoded = decodeURIComponent(segment);
    const exact = path.join(folder, decoded);
    if (existsSync(exact)) {
      folder = exact;
      continue;
    }
    const dynamic = readdirSync(folder, { withFileTypes: true }).find((entry) => entry.isDirectory() && /^\[[^.\]]+\]$/.test(entry.name));
    if (!dynamic) throw new Error(`No route serves ${pathname}: ${folder} has no folder ${decoded} and no [segment] folder`);
    params[dynamic.name.slice(1, -1)] = segment;
    folder = path.join(folder, dynamic.name);
  }

  const file = path.join(folder, "route.ts");
  if (!existsSync(file)) throw new Error(`No route serves ${pathname}: ${file} does not exist`);
  return { file, params };
}
