// First, so that Zod is configured before any schema below is built.
import "./configureZod";

export * from "./analysisQuery";
export * from "./apiError";
export * from "./buildInfo";
export * from "./calendarDate";
export * from "./comparison";
export * from "./dataDictionary";
export * from "./datasetManifest";
export * from "./digestFormat";
export * from "./emergingTerms";
export * from "./ingestSummary";
export * from "./minPapersForShare";
export * from "./paper";
export * from "./paperRecord";
export * from "./provenance";
export * from "./taxonomy";
export * from "./topicCooccurrence";
export * from "./trendQuery";
export * from "./trendResponse";
export * from "./trendSeries";
