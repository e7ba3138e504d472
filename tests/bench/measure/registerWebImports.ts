import { register } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * Node resolve hooks that let plain Node load the web app's route modules.
 * `@/…` resolves against the web app's folder, as the `paths` option of its
 * tsconfig.json maps it, trying `.ts`, `.tsx` and `index` files as the
 * bundler does. `server-only` resolves under the `react-server` condition to
 * its empty module, as it does in Next.js's server bundle.
 */
const HOOKS_SOURCE = `
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

let webRootUrl;

export function initialize(data) {
  webRootUrl = data.webRootUrl;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") {
    return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  }
  if (specifier.startsWith("@/")) {
    const base = new URL(specifier.slice(2), webRootUrl).href;
    for (const suffix of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
      const candidate = base + suffix;
      if (/\\.tsx?$/.test(candidate) && existsSync(fileURLToPath(candidate))) return nextResolve(candidate, context);
    }
  }
  return nextResolve(specifier, context);
}
`;

let registeredRoot: string | undefined;

/**
 * Registers the hooks for the web app in `webRoot`, once per process. They
 * stay for the life of the process and make `server-only` importable
 * anywhere in it. Vitest resolves modules itself, so under Vitest the
 * aliases in its config do this work instead.
 */
export function registerWebImports(webRoot: string): void {
  if (registeredRoot === webRoot) return;
  if (registeredRoot !== undefined) throw new Error(`Web imports already resolve against ${registeredRoot}, not ${webRoot}; measure one web app per process`);
  register(`data:text/javascript,${encodeURIComponent(HOOKS_SOURCE)}`, { data: { webRootUrl: pathToFileURL(`${webRoot}/`).href } });
  registeredRoot = webRoot;
}
