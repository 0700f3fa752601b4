// Child process for the TypeScript-version test: lints one project with the plugin (typed config when asked) and
// prints the findings and the TypeScript version typescript-eslint loaded.
import { createRequire } from "node:module";
import tseslint from "typescript-eslint";
import plugin from "../../dist/eslint-plugin/index.js";

const [cwd, configName] = process.argv.slice(2);
const require = createRequire(import.meta.url);
// The ESLint major to run: `eslint` (9) or the `eslint-10` alias.
const eslintPackage = process.env.PERF_SCAN_TEST_ESLINT ?? "eslint";
const { ESLint } = await import(eslintPackage);
const typed = configName === "recommendedTypeChecked";
const eslint = new ESLint({
  cwd,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser, ...(typed && { parserOptions: { projectService: { allowDefaultProject: ["*.ts"] }, tsconfigRootDir: cwd } }) } },
    { ...plugin.configs[configName], files: ["**/*.ts"] },
  ],
  errorOnUnmatchedPattern: false,
});
const results = await eslint.lintFiles(["src/**/*.ts"]);
const findings = [];
const fatal = [];
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal) fatal.push(`${result.filePath}: ${message.message}`);
    else if (message.ruleId?.startsWith("perf-scan/")) findings.push(`${result.filePath.slice(cwd.length + 1)}:${message.line} ${message.ruleId.slice(10)}`);
  }
}
process.stdout.write(JSON.stringify({ typescript: require("typescript").version, eslint: ESLint.version, findings: findings.sort(), fatal }));
