export * from "./centres";
export * from "./accounts";
export * from "./platform";
