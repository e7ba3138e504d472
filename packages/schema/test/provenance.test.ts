import { describe, expect, test } from "vitest";
import { z } from "zod";
import { withProvenance, type Provenance } from "../src/provenance";

const PROVENANCE: Provenance = {
  source: "Alignment Trends",
  request: "/api/v1/trends?metric=team-sizes",
  generatedAt: "2026-01-02T03:04:05.678Z",
  filters: {
    from: null,
    to: null,
    scope: null,
    topic: [],
    hasCode: null,
    codeHost: null,
    minUpvotes: null,
    minAuthors: null,
    maxAuthors: null,
    q: null,
    term: [],
    allTopics: [],
    dateBasis: "listed",
    upvoteBasis: "latest",
  },
  options: { metric: "team-sizes" },
  bucket: null,
  dateBasis: "first listed, else published",
  taxonomyVersion: "2026.1.0",
  database: { buildId: "8d0c7c1e-0f4b-4a51-9d44-3c2f1b7e9a10", builtAt: "2026-01-01 00:00:00.000000" },
  rows: null,
  notes: [],
};

describe("withProvenance", () => {
  const BodySchema = withProvenance(z.object({ total: z.number() }));

  test("keeps the body and its provenance", () => {
    expect(BodySchema.parse({ total: 3, provenance: PROVENANCE })).toEqual({ total: 3, provenance: PROVENANCE });
  });

  test("drops keys neither side names", () => {
    const parsed = BodySchema.parse({ total: 3, extra: true, provenance: { ...PROVENANCE, extra: true } });
    expect(parsed).toEqual({ total: 3, provenance: PROVENANCE });
  });

  test("rejects a body without provenance", () => {
    expect(BodySchema.safeParse({ total: 3 }).success).toBe(false);
  });

  test("drops unknown keys of a union", () => {
    const UnionSchema = withProvenance(z.discriminatedUnion("kind", [z.object({ kind: z.literal("a"), a: z.number() }), z.object({ kind: z.literal("b") })]));
    expect(UnionSchema.parse({ kind: "a", a: 1, b: 2, provenance: PROVENANCE })).toEqual({ kind: "a", a: 1, provenance: PROVENANCE });
  });
});
