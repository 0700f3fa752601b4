#!/usr/bin/env bash
# Offline check of the GitHub integration: runs the commands of .github/workflows/perf-scan.yml and of
# action.yml, verbatim, on a copy of fixtures/prisma-express in a temporary workspace, and checks what they
# produce (a SARIF 2.1.0 log with results and the right category, a Markdown job summary, exit codes).
# It first checks, line by line, that those files still contain the commands and settings it relies on.
#
#   bash scripts/check-github-workflow.sh        (needs the build: npm run build; run by npm test)
#
# Exit 0 when everything holds; otherwise 1 with one line on stderr saying what did not.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workflow="$repo/.github/workflows/perf-scan.yml"
action="$repo/action.yml"
fixture="$repo/fixtures/prisma-express"
category="perf-scan"

fail() {
  echo "check-github-workflow: $*" >&2
  exit 1
}

[ -f "$workflow" ] || fail "missing .github/workflows/perf-scan.yml"
[ -f "$action" ] || fail "missing action.yml"
[ -d "$fixture" ] || fail "missing fixtures/prisma-express"
[ -f "$repo/dist/src/cli.js" ] || fail "perf-scan is not built (run: npm run build)"

# --- line-based reading of the YAML files ------------------------------------------------------------

# has FILE TEXT: FILE contains TEXT (a fixed string) on some line.
has() { grep -qF -- "$2" "$1"; }

require() { # require FILE TEXT
  has "$1" "$2" || fail "${1#"$repo/"} does not contain: $2"
}

# step_with FILE TEXT: prints the step (list item under a `steps:` key) whose lines contain TEXT.
step_with() {
  awk -v text="$2" '
    function flush() { if (buf != "" && index(buf, text)) printf "%s", buf; buf = "" }
    /^[[:space:]]*steps:[[:space:]]*$/ { flush(); insteps = 1; item = 0; next }
    !insteps { next }
    /^[[:space:]]*$/ { buf = buf $0 "\n"; next }
    {
      indent = match($0, /[^ ]/)
      if (item == 0 && $0 ~ /^[[:space:]]*- /) item = indent
      if (indent < item) { flush(); insteps = 0; next }
      if (indent == item && $0 ~ /^[[:space:]]*- /) flush()
      buf = buf $0 "\n"
    }
    END { flush() }
  ' "$1"
}

# run_block FILE ID: prints the `run: |` block of the step with `id: ID`, dedented.
run_block() {
  awk -v id="$2" '
    function indent_of(line) { return match(line, /[^ ]/) }
    found && !inrun && $0 ~ /^[[:space:]]*run:[[:space:]]*\|[[:space:]]*$/ && indent_of($0) == keyindent { inrun = 1; next }
    inrun {
      if ($0 ~ /^[[:space:]]*$/) { print ""; next }
      if (indent_of($0) <= keyindent) exit
      print substr($0, keyindent + 2)
      next
    }
    found && indent_of($0) < keyindent { exit }
    $0 ~ ("^[[:space:]]*-?[[:space:]]*id:[[:space:]]*" id "[[:space:]]*$") {
      found = 1
      keyindent = indent_of($0)
      if ($0 ~ /^[[:space:]]*- /) keyindent += 2
    }
  ' "$1"
}

# --- the workflow ---------------------------------------------------------------------------------------

for text in \
  "branches: [main]" \
  "pull_request:" \
  "contents: read" \
  "security-events: write" \
  "uses: actions/checkout@v4" \
  "uses: actions/setup-node@v4" \
  "node-version: 20" \
  "run: npm ci" \
  "uses: github/codeql-action/upload-sarif@v4" \
  "sarif_file: perf-scan.sarif" \
  "category: $category"; do
  require "$workflow" "$text"
done
upload_step="$(step_with "$workflow" "uses: github/codeql-action/upload-sarif@v4")"
[[ "$upload_step" == *"if: always()"* ]] || fail "the workflow's upload-sarif step is not under if: always()"

# The workflow's scan commands: single-line `run:` steps, executed below exactly as written.
sarif_cmd=""
markdown_cmd=""
while IFS= read -r line; do
  case "$line" in
    *"--format sarif"*) [ -z "$sarif_cmd" ] || fail "the workflow has two SARIF scan steps"; sarif_cmd="$line" ;;
    *"--format markdown"*) [ -z "$markdown_cmd" ] || fail "the workflow has two Markdown scan steps"; markdown_cmd="$line" ;;
  esac
done < <(sed -nE 's/^[[:space:]]*run: (node bin\/perf-scan\.js .*)$/\1/p' "$workflow")
[ -n "$sarif_cmd" ] || fail "the workflow has no one-line 'run: node bin/perf-scan.js ... --format sarif' step"
[ -n "$markdown_cmd" ] || fail "the workflow has no one-line 'run: node bin/perf-scan.js ... --format markdown' step"
for text in "node bin/perf-scan.js fixtures " "--format sarif --output perf-scan.sarif" "--category $category" "--fail-on none"; do
  [[ "$sarif_cmd" == *"$text"* ]] || fail "the workflow's SARIF command lacks '$text': $sarif_cmd"
done
[[ "$markdown_cmd" == "node bin/perf-scan.js fixtures "* ]] || fail "the workflow's Markdown command does not scan fixtures: $markdown_cmd"
[[ "$markdown_cmd" == *' >> "$GITHUB_STEP_SUMMARY"' ]] || fail "the workflow's Markdown command does not append to \$GITHUB_STEP_SUMMARY: $markdown_cmd"
summary_step="$(step_with "$workflow" "$markdown_cmd")"
[[ "$summary_step" == *"if: always()"* ]] || fail "the workflow's job summary step is not under if: always()"

# --- the action -----------------------------------------------------------------------------------------

for text in \
  "using: composite" \
  "paths:" \
  "fail-on:" \
  "upload:" \
  'default: "."' \
  "default: none" \
  "default: $category" \
  'default: "true"' \
  "branding:" \
  'cd "$GITHUB_ACTION_PATH"' \
  "npm ci" \
  "uses: github/codeql-action/upload-sarif@v4" \
  "sarif_file: \${{ steps.scan.outputs.sarif-file }}" \
  "category: \${{ inputs.category }}"; do
  require "$action" "$text"
done
upload_step="$(step_with "$action" "uses: github/codeql-action/upload-sarif@v4")"
[[ "$upload_step" == *"if: always() && inputs.upload == 'true'"* ]] || fail "action.yml uploads without if: always() && inputs.upload == 'true'"
scan_script="$(run_block "$action" scan)"
summary_script="$(run_block "$action" summary)"
[ -n "$scan_script" ] || fail "action.yml has no step with id: scan and a 'run: |' block"
[ -n "$summary_script" ] || fail "action.yml has no step with id: summary and a 'run: |' block"
for script in "$scan_script" "$summary_script"; do
  [[ "$script" != *'${{'* ]] || fail "action.yml splices \${{ }} into a run: block (pass inputs through env:)"
  [[ "$script" == *'node "$GITHUB_ACTION_PATH/bin/perf-scan.js"'* ]] || fail "action.yml does not run perf-scan from \$GITHUB_ACTION_PATH"
done
for text in '--format sarif --output "$sarif"' '--category "$PERF_SCAN_CATEGORY"' '--fail-on "$PERF_SCAN_FAIL_ON"' '>> "$GITHUB_OUTPUT"'; do
  [[ "$scan_script" == *"$text"* ]] || fail "action.yml's scan step lacks: $text"
done
[[ "$summary_script" == *'--format markdown'*'>> "$GITHUB_STEP_SUMMARY"' ]] || fail "action.yml's summary step does not append Markdown to \$GITHUB_STEP_SUMMARY"

# --- run them -------------------------------------------------------------------------------------------

tmp="$(mktemp -d "${TMPDIR:-/tmp}/perf-scan-gh.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
# A workspace like the runner's checkout: bin/ is this repository's (the launcher resolves dist/ through the
# link), fixtures/ holds only the one fixture project.
workspace="$tmp/workspace"
mkdir -p "$workspace/fixtures/prisma-express" "$tmp/runner-temp"
ln -s "$repo/bin" "$workspace/bin"
cp -R "$fixture/." "$workspace/fixtures/prisma-express/"

# check_sarif FILE WHAT: a SARIF 2.1.0 log with at least one result, in category $category.
check_sarif() {
  [ -s "$1" ] || fail "$2 wrote no SARIF file"
  node -e '
    const [file, what, category] = process.argv.slice(1);
    let log;
    try { log = JSON.parse(require("node:fs").readFileSync(file, "utf8")); } catch (error) { console.log(`${what}: the SARIF file is not JSON (${error.message})`); process.exit(1); }
    const run = log.runs?.[0];
    if (log.version !== "2.1.0") { console.log(`${what}: SARIF version is ${JSON.stringify(log.version)}, not "2.1.0"`); process.exit(1); }
    if (!Array.isArray(run?.results) || run.results.length === 0) { console.log(`${what}: the SARIF log has no results`); process.exit(1); }
    // GitHub reads automationDetails.id as "<category>/<run id>": without a slash the category is empty.
    const id = run.automationDetails?.id;
    const slash = typeof id === "string" ? id.lastIndexOf("/") : -1;
    if (slash < 0 || id.slice(0, slash) !== category) { console.log(`${what}: runs[0].automationDetails.id is ${JSON.stringify(id)}; code scanning needs "${category}/" for category ${category}`); process.exit(1); }
  ' "$1" "$2" "$category" >"$tmp/why" 2>&1 || fail "$(head -n 1 "$tmp/why")"
}

# check_summary FILE WHAT: non-empty Markdown that starts with a heading.
check_summary() {
  [ -s "$1" ] || fail "$2 wrote nothing to the job summary"
  local first
  first="$(head -n 1 "$1")"
  [[ "$first" =~ ^#{1,6}\  ]] || fail "$2: the job summary does not start with a Markdown heading: ${first:0:80}"
}

# run_in_workspace NAME COMMAND [ENV=VALUE...]: runs COMMAND with bash in the workspace, like a runner step.
run_in_workspace() {
  local name="$1" command="$2"
  shift 2
  printf '%s\n' "$command" >"$tmp/$name.sh"
  (cd "$workspace" && env "$@" bash --noprofile --norc -eo pipefail "$tmp/$name.sh") >"$tmp/$name.out" 2>"$tmp/$name.err"
}

# stderr_tail NAME: the last line perf-scan (or bash) printed on stderr, without the environment notes.
stderr_tail() { grep -v '^perf-scan: note:' "$tmp/$1.err" | tail -n 1 || true; }

# 1. The workflow's SARIF command.
run_in_workspace workflow-sarif "$sarif_cmd" || fail "the workflow's SARIF command failed ($(stderr_tail workflow-sarif)): $sarif_cmd"
check_sarif "$workspace/perf-scan.sarif" "the workflow's SARIF command"

# 2. The workflow's Markdown command, into a fake job summary.
: >"$tmp/workflow-summary.md"
run_in_workspace workflow-markdown "$markdown_cmd" GITHUB_STEP_SUMMARY="$tmp/workflow-summary.md" ||
  fail "the workflow's Markdown command failed ($(stderr_tail workflow-markdown)): $markdown_cmd"
check_summary "$tmp/workflow-summary.md" "the workflow's Markdown command"

# 3. The action's scan step with its defaults (fail-on none, category perf-scan).
action_env=(GITHUB_ACTION_PATH="$repo" RUNNER_TEMP="$tmp/runner-temp" GITHUB_OUTPUT="$tmp/action-output")
: >"$tmp/action-output"
run_in_workspace action-scan "$scan_script" "${action_env[@]}" \
  PERF_SCAN_PATHS="fixtures/prisma-express" PERF_SCAN_FAIL_ON=none PERF_SCAN_CATEGORY="$category" ||
  fail "the action's scan step failed ($(stderr_tail action-scan))"
grep -qx "exit-code=0" "$tmp/action-output" || fail "the action's scan step did not output exit-code=0"
action_sarif="$(sed -n 's/^sarif-file=//p' "$tmp/action-output")"
[ -n "$action_sarif" ] || fail "the action's scan step did not output sarif-file"
check_sarif "$action_sarif" "the action's scan step"

# 4. The action's summary step.
: >"$tmp/action-summary.md"
run_in_workspace action-summary "$summary_script" "${action_env[@]}" GITHUB_STEP_SUMMARY="$tmp/action-summary.md" \
  PERF_SCAN_PATHS="fixtures/prisma-express" PERF_SCAN_TOP=20 ||
  fail "the action's summary step failed ($(stderr_tail action-summary))"
check_summary "$tmp/action-summary.md" "the action's summary step"

# 5. fail-on error: the fixture has a client-per-request error, so the step fails with 1 and still hands
#    over the SARIF file for the upload. Two paths on two lines, as a multi-line `paths:` input gives them.
: >"$tmp/action-output"
status=0
run_in_workspace action-gate "$scan_script" "${action_env[@]}" \
  PERF_SCAN_PATHS=$'fixtures/prisma-express/src\nfixtures/prisma-express/prisma' PERF_SCAN_FAIL_ON=error PERF_SCAN_CATEGORY="$category" ||
  status=$?
[ "$status" -eq 1 ] || fail "the action's scan step with fail-on error exited $status, expected 1 ($(stderr_tail action-gate))"
grep -qx "exit-code=1" "$tmp/action-output" || fail "the action's scan step with fail-on error did not output exit-code=1"
grep -q "^sarif-file=." "$tmp/action-output" || fail "the action's scan step with fail-on error did not output sarif-file (the upload would be skipped)"
grep -qF "::error title=perf-scan::" "$tmp/action-gate.out" || fail "the action's scan step with fail-on error printed no ::error annotation"

echo "check-github-workflow: ok (workflow and action.yml: SARIF, job summary, fail-on)"
