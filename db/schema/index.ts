export * from "./centres";
export * from "./accounts";
export * from "./platform";
export * from "./discussions";
export * from "./moderation";
export * from "./cases";
