import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  // DuckDB is a native module: Node loads it at run time instead of the bundler inlining it.
  serverExternalPackages: ["@duckdb/node-api", "@duckdb/node-bindings"],
  // The workspace packages export TypeScript source, which the app compiles.
  transpilePackages: ["@alignment-trends/schema", "@alignment-trends/analytics"],
  poweredByHeader: false,
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
};

export default config;
