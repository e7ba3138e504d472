import { z } from "zod";
import { BuildInfoSchema } from "./buildInfo";
import { TrendFilterSchema } from "./trendQuery";
import { TopicInfoSchema } from "./trendSeries";

export const TopicCooccurrenceSchema = z.object({
  topics: z.array(TopicInfoSchema).describe("Every topic, in taxonomy order. Row and column i of `counts` belong to topic i."),
  counts: z
    .array(z.array(z.number().int()))
    .describe("`counts[i][j]` is the number of papers with both topic i and topic j, so the diagonal holds the papers of each topic."),
});
export type TopicCooccurrence = z.infer<typeof TopicCooccurrenceSchema>;

/** The JSON body of `/api/v1/cooccurrence`. */
export const CooccurrenceResponseSchema = TopicCooccurrenceSchema.extend({
  filter: TrendFilterSchema,
  build: BuildInfoSchema,
});
export type CooccurrenceResponse = z.infer<typeof CooccurrenceResponseSchema>;
