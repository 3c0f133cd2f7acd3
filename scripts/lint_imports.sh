#!/usr/bin/env bash
# Check the layer contract of pyproject.toml ([tool.importlinter]) with import-linter,
# on the package laid out as installed (scripts/stage_package.sh).
set -euo pipefail
BIN=${BIN:-.venv/bin}
source "$(dirname "$0")/stage_package.sh"
PYTHONPATH="$stage" "$here/$BIN/lint-imports" "$here/pyproject.toml" --no-cache "$@"
