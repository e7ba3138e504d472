export * from "./calendarDate";
export * from "./digestFormat";
export * from "./ingestSummary";
export * from "./paper";
export * from "./paperRecord";
export * from "./taxonomy";
export * from "./trendQuery";
export * from "./trendSeries";
