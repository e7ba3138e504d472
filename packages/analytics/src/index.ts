export * from "./database/readRows";
export * from "./databasePath";
