// One way to check data against a JSON Schema that ships with the package (draft 2020-12, ajv compiled on first use).
import { createRequire } from "node:module";

export interface SchemaError {
  instancePath: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
  /** The key that failed a `propertyNames` rule (ajv sets it on that rule's own error). */
  propertyName?: string;
}

type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** A check of data against the schema at `schemaPath()`: the first error, or null when the data is valid. */
export function schemaCheck(schemaPath: () => string): (data: unknown) => SchemaError | null {
  let validator: Validator | null = null;
  return (data) => {
    if (!validator) {
      const require = createRequire(import.meta.url);
      const Ajv2020 = require("ajv/dist/2020") as new (options: object) => { compile(schema: object): Validator };
      validator = new Ajv2020({ allErrors: false, strict: false }).compile(require(schemaPath()) as object);
    }
    return validator(data) ? null : (validator.errors?.[0] ?? { instancePath: "" });
  };
}
