// Test support shared by reporters.test.ts and cli.test.ts: compiled validators for the two output formats.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import AjvDraft04 from "ajv-draft-04";
import type { Ajv, ValidateFunction } from "ajv";

const testDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(testDir, "..");
export const resultSchemaPath = resolve(repoRoot, "schema/perf-scan-result.schema.json");
/** The official OASIS schema lives beside the project, in ../shared. */
export const sarifSchemaPath = resolve(repoRoot, "../shared/schemas/sarif-schema-2.1.0.json");

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

/** Real checks for the formats the SARIF schema uses (there is no ajv-formats here). */
function addFormats(ajv: Ajv): void {
  ajv.addFormat("uri", (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  ajv.addFormat("uri-reference", (value: string) => !/\s/.test(value) && URL.canParse(value, "file:///base/"));
  ajv.addFormat("date-time", (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value));
}

export function resultValidator(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(readJson(resultSchemaPath));
}

export function sarifValidator(): ValidateFunction {
  // The OASIS schema predates ajv's strict mode (unknown keywords, loose unions).
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv as unknown as Ajv);
  return ajv.compile(readJson(sarifSchemaPath));
}

/** Validates and returns readable errors, so a failing expect shows what is wrong. */
export function validationErrors(validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`);
}
