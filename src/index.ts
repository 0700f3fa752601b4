export { scan } from "./main.js";
export { scanSync, scanWithFiles } from "./sync.js";
export type * from "./types.js";
export { allRules, ruleIds, getRule } from "../rules/index.js";
export type { Rule, RuleMeta } from "../rules/index.js";
export { reporters } from "./reporters/index.js";
