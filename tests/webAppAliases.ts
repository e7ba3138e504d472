import path from "node:path";
import { fileURLToPath } from "node:url";

const webApp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../apps/web");

/**
 * Module aliases for tests that import the web app's route handlers and
 * loaders: `@/` is the app's own path alias, and `server-only` throws outside
 * Next's server bundle unless it resolves to its empty module.
 */
export const WEB_APP_ALIASES = [
  { find: /^@\//u, replacement: `${webApp}/` },
  { find: /^server-only$/u, replacement: path.join(webApp, "../../node_modules/server-only/empty.js") },
];
