// CommonJS entry for `require("perf-scan/eslint-plugin")` in eslint.config.cjs: Node >= 20.19 loads the ES module.
"use strict";
module.exports = require("../dist/eslint-plugin/index.js").default;
