#!/usr/bin/env bash
# Renders bpmn/NAME.bpmn to src/site/resources/images/NAME.png with the bpmn-js viewer in Debian's headless
# Chromium, cropped to the drawing with a white margin. Run it after changing a diagram:
#   src/build/diagram/render.sh [project directory] [NAME ...]     (default: extension-callout callout-recovery)
# Needs node + npm (bpmn-js at the version pinned in package-lock.json beside this script, installed into
# target/diagram, never committed) and chromium (apt-get install -y chromium nodejs npm).
set -euo pipefail

project="$(cd "${1:-.}" && pwd)"
shift || true
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(extension-callout callout-recovery)
here="$project/src/build/diagram"
work="$project/target/diagram"
images="$project/src/site/resources/images"
scale="${RENDER_SCALE:-1.25}"   # device pixels per diagram unit: ~1400 px wide for extension-callout

for tool in node npm chromium; do
  command -v "$tool" >/dev/null 2>&1 || { echo "[diagram] $tool is not installed (apt-get install -y chromium nodejs npm)"; exit 1; }
done

mkdir -p "$work"
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules/bpmn-js" ]; then
  echo "[diagram] Installing bpmn-js from npm into $work"
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  npm ci --prefix "$work" --no-audit --no-fund --loglevel=error
fi
cp "$work/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js" "$here/render.html" "$here/render.cjs" "$work/"

for name in "${names[@]}"; do
  bpmn="$project/bpmn/$name.bpmn"
  [ -f "$bpmn" ] || { echo "[diagram] No such file: $bpmn"; exit 1; }
  node -e 'const fs = require("fs");
    fs.writeFileSync(process.argv[2], "window.DIAGRAM_XML = " + JSON.stringify(fs.readFileSync(process.argv[1], "utf8")) + ";\n");' \
    "$bpmn" "$work/diagram.js"
  out="$images/$name.png"
  size="$(node "$work/render.cjs" "$work/render.html" "$work/shot.png" "$scale")" \
    || { echo "[diagram] Could not render $bpmn"; exit 1; }
  mv "$work/shot.png" "$out"
  echo "[diagram] $out ($size at scale $scale)"
done
