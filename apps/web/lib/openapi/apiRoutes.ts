import {
  CompareQuerySchema,
  CompareResponseSchema,
  CooccurrenceQuerySchema,
  CooccurrenceResponseSchema,
  DatasetQuerySchema,
  EmergingQuerySchema,
  EmergingResponseSchema,
  PaperDetailSchema,
  PaperPageSchema,
  PaperQuerySchema,
  PapersQuerySchema,
  TrendsQuerySchema,
  TrendResponseSchema,
  withProvenance,
} from "@alignment-trends/schema";
import { z } from "zod";
import { PaperIdSchema } from "../paperId";
import { OpenApiDocumentSchema, OpenApiQuerySchema } from "./openApiDocumentSchema";

/** One route of the API, as the OpenAPI document and docs/api.md describe it. */
export interface ApiRoute {
  /** The path in OpenAPI form, with `{name}` for each path parameter. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  /** The schema the route validates its query string with. */
  query: z.ZodObject;
  /** The schema of the path parameters, with one key per `{name}` in `path`. */
  pathParameters?: z.ZodObject;
  /**
   * The JSON body of a successful response to `format=json` and the name of
   * its component schema, or null for a route that sends only files.
   */
  json: { name: string; schema: z.ZodType } | null;
  /** Media types that a successful response may have regardless of the `format` value, such as `application/zip`. */
  files?: string[];
  /** Whether the route reads the database, so that it can respond 503 while the database is missing and 500 on a failed query. */
  readsDatabase: boolean;
  /** When the route responds 404, for a route whose path names one thing. */
  notFound?: string;
}

/** Every route under `/api/v1`, in the order the docs list them. Adding a route is adding one entry here. */
export const API_ROUTES: ApiRoute[] = [
  {
    path: "/api/v1/trends",
    operationId: "getTrend",
    summary: "One trend series under a filter",
    description:
      "Returns one series per period (or per team size for `metric=team-sizes`) over the papers the filter keeps, with the date basis, the papers no period counts, the filter and the database build. A series has at most 1,000 periods.",
    query: TrendsQuerySchema,
    json: { name: "TrendResponse", schema: withProvenance(TrendResponseSchema) },
    readsDatabase: true,
  },
  {
    path: "/api/v1/papers",
    operationId: "listPapers",
    summary: "The papers a filter keeps, one page at a time",
    description: "Returns `{ total, papers }`: how many papers the filter keeps and one page of them in the requested order.",
    query: PapersQuerySchema,
    json: { name: "PaperPage", schema: withProvenance(PaperPageSchema) },
    readsDatabase: true,
  },
  {
    path: "/api/v1/papers/{id}",
    operationId: "getPaper",
    summary: "One paper's full record",
    description:
      "Returns one paper with its abstract, authors, links, topics with the phrases that gave them, and every digest that listed it. The CSV has one row.",
    query: PaperQuerySchema,
    pathParameters: z.object({ id: PaperIdSchema }),
    json: { name: "PaperDetail", schema: withProvenance(PaperDetailSchema) },
    readsDatabase: true,
    notFound: "No paper has the id.",
  },
  {
    path: "/api/v1/compare",
    operationId: "compareSeries",
    summary: "Up to eight terms or topics per period",
    description:
      "Returns, per period and series, the papers, their share of all papers the filter keeps in the period, and an index where the highest share in the view is 100. The filter applies to every series and to the denominator of the share.",
    query: CompareQuerySchema,
    json: { name: "CompareResponse", schema: withProvenance(CompareResponseSchema) },
    readsDatabase: true,
  },
  {
    path: "/api/v1/emerging",
    operationId: "findEmergingTerms",
    summary: "The terms whose share grew most between two windows of months",
    description:
      "Returns the recent and baseline windows and the terms ranked by the 95% lower bound of their growth, with their bursts. The windows are null when the filter keeps no paper with an abstract and a month.",
    query: EmergingQuerySchema,
    json: { name: "EmergingResponse", schema: withProvenance(EmergingResponseSchema) },
    readsDatabase: true,
  },
  {
    path: "/api/v1/cooccurrence",
    operationId: "getTopicCooccurrence",
    summary: "How many papers each pair of topics tags together",
    description: "Returns every topic and the symmetric matrix of papers tagged with both topics of each pair. The CSV has one row per pair.",
    query: CooccurrenceQuerySchema,
    json: { name: "CooccurrenceResponse", schema: withProvenance(CooccurrenceResponseSchema) },
    readsDatabase: true,
  },
  {
    path: "/api/v1/dataset",
    operationId: "downloadDataset",
    summary: "The whole aggregated dataset as one ZIP file",
    description:
      "Returns a ZIP archive with every aggregate table of the dashboard under the filter (papers per period and topic, authors, team sizes, code share by host, upvotes, the alignment share of the feed, topic co-occurrence, the topics and the paper list), each as CSV and Parquet, with `provenance.json` and a data dictionary as `DATA-DICTIONARY.md` and `data-dictionary.json`.",
    query: DatasetQuerySchema,
    json: null,
    files: ["application/zip"],
    readsDatabase: true,
  },
  {
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This API as an OpenAPI 3.1 document",
    description: "Returns the OpenAPI 3.1 document that the parameter tables of docs/api.md are generated from.",
    query: OpenApiQuerySchema,
    json: { name: "OpenApiDocument", schema: OpenApiDocumentSchema },
    readsDatabase: false,
  },
];
