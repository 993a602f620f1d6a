#!/usr/bin/env bash
# The lint check of `mvn verify` (pom.xml runs it in the verify phase): bpmnlint on every file in bpmn/,
# with bpmn/.bpmnlintrc, and the element templates checked by @bpmn-io/element-templates-validator.
# The tools come from npm at the versions pinned in package-lock.json beside this script, installed into
# target/bpmnlint (never committed). Where node or npm is missing the check says so and skips.
set -euo pipefail

project="${1:?usage: lint.sh <project directory>}"
here="$project/src/build/bpmnlint"
work="$project/target/bpmnlint"
templates="$project/bpmn/.camunda/element-templates"

skip() {
  echo "[lint] SKIPPED: $1. The BPMN files and element templates were not linted."
  echo "[lint] Install Node.js 18 or newer with npm (Debian: apt-get install -y nodejs npm; .ci/run does it)."
  exit 0
}

command -v node >/dev/null 2>&1 || skip "node is not installed"
command -v npm >/dev/null 2>&1 || skip "npm is not installed"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || skip "node $(node --version) is too old"

# Install only when the pinned versions changed since the last build (npm's cache makes a reinstall quick)
mkdir -p "$work"
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules" ]; then
  echo "[lint] Installing bpmnlint and the element template validator from npm into $work"
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  npm ci --prefix "$work" --no-audit --no-fund --loglevel=error
fi
cp "$here/validate-element-templates.cjs" "$work/"

shopt -s nullglob
bpmn_files=("$project"/bpmn/*.bpmn)
[ ${#bpmn_files[@]} -gt 0 ] || { echo "[lint] No BPMN files in $project/bpmn"; exit 1; }

echo "[lint] bpmnlint $(node -p "require('$work/node_modules/bpmnlint/package.json').version") on ${#bpmn_files[@]} files in bpmn/"
# Run from the install: bpmnlint resolves its plugins from the working directory
status=0
(cd "$work" && node_modules/.bin/bpmnlint --max-warnings=0 --config "$project/bpmn/.bpmnlintrc" "${bpmn_files[@]}") \
  || status=1
(cd "$work" && node validate-element-templates.cjs "$templates") || status=1

if [ "$status" -ne 0 ]; then
  echo "[lint] FAILED: fix the findings above (bpmn/.bpmnlintrc says which rules apply)."
  exit 1
fi
echo "[lint] bpmn/ and its element templates are lint-clean."
