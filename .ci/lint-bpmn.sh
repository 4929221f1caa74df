#!/usr/bin/env bash
# Lint every BPMN model under processes/ with the pinned bpmnlint (.ci/bpmnlint)
# and the repository's .bpmnlintrc. Fails on any error or warning.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

npm ci --prefix .ci/bpmnlint --silent --no-audit --no-fund >/dev/null

BPMNLINT=".ci/bpmnlint/node_modules/.bin/bpmnlint"

mapfile -d '' FILES < <(find processes -type f -name '*.bpmn' -print0 | sort -z)
if [ "${#FILES[@]}" -eq 0 ]; then
  echo "lint-bpmn: no processes/**/*.bpmn files found" >&2
  exit 1
fi

status=0
for f in "${FILES[@]}"; do
  echo "bpmnlint: $f"
  "$BPMNLINT" --max-warnings=0 "$f" || status=1
done

if [ "$status" -ne 0 ]; then
  echo "lint-bpmn: FAILED" >&2
else
  echo "lint-bpmn: ${#FILES[@]} file(s) OK"
fi
exit "$status"
