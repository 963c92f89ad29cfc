/** Per-environment values of targets and the promotion order (dev → staging → prod). */
export * from "./environment-values";
export * from "./apply-environment-values";
export * from "./promotion-order";
export * from "./settings";
