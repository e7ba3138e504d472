import "server-only";
import pino from "pino";

/** The server's logger: one JSON line per event on stdout. */
export const logger = pino({ name: "alignment-trends-web", level: process.env.LOG_LEVEL ?? "info" });
