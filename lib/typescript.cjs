// The TypeScript compiler API, loaded with require(). Imported from ESM directly, Node first scans the 9 MB
// CommonJS file for its export names, which costs about 0.3 s per run. Assigned through a variable, not
// `module.exports = require(...)`, because Node's scanner follows that form into the required file.
"use strict";
const typescript = require("typescript");
module.exports = typescript;
