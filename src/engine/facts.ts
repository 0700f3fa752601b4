import type { Orm, ScanError } from "../types.js";
import type { Discovery } from "./discover.js";

export interface ProjectFacts {
  ormsDetected: Orm[];
  frameworksDetected: string[];
  errors: ScanError[];
}

export function buildProjectFacts(_discovery: Discovery): ProjectFacts {
  return { ormsDetected: [], frameworksDetected: [], errors: [] };
}
