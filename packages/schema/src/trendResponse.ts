import { z } from "zod";
import { BuildInfoSchema } from "./buildInfo";
import { BucketSchema, TrendFilterSchema } from "./trendQuery";
import {
  AuthorTrendPointSchema,
  CodeTrendPointSchema,
  DateBasisLabelSchema,
  ScopeSharePointSchema,
  TeamSizeBinSchema,
  TopicInfoSchema,
  TopicTrendPointSchema,
  UpvoteTrendPointSchema,
} from "./trendSeries";

/** The fields every trend response has besides its metric's series. */
const trendContextShape = {
  bucket: BucketSchema,
  dateBasis: DateBasisLabelSchema,
  leftOut: z
    .object({ coarseDates: z.number().int(), reason: z.string() })
    .describe("The papers the filter keeps that no period counts, because their date is known only to a span longer than one period. Always 0 for `team-sizes`."),
  filter: TrendFilterSchema,
  build: BuildInfoSchema,
};

/** The JSON body of `/api/v1/trends`: one series, whose points depend on `metric`. */
export const TrendResponseSchema = z.discriminatedUnion("metric", [
  z.object({
    metric: z.literal("papers"),
    topics: z.array(TopicInfoSchema).describe("The topics counted in each period, in taxonomy order: those that `topic` names, else all."),
    series: z.array(TopicTrendPointSchema),
    ...trendContextShape,
  }),
  z.object({ metric: z.literal("authors"), series: z.array(AuthorTrendPointSchema), ...trendContextShape }),
  z.object({ metric: z.literal("team-sizes"), series: z.array(TeamSizeBinSchema), ...trendContextShape }),
  z.object({
    metric: z.literal("code"),
    hosts: z.array(z.string()).describe("The code hosts of the papers the filter keeps, most papers first. Each period counts its papers per host in `hosts`."),
    series: z.array(CodeTrendPointSchema),
    ...trendContextShape,
  }),
  z.object({ metric: z.literal("upvotes"), series: z.array(UpvoteTrendPointSchema), ...trendContextShape }),
  z.object({ metric: z.literal("scope-shares"), series: z.array(ScopeSharePointSchema), ...trendContextShape }),
]);
export type TrendResponse = z.infer<typeof TrendResponseSchema>;
