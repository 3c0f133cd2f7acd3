#!/usr/bin/env bash
# Type-check the package with mypy ([tool.mypy] of pyproject.toml), on the package
# laid out as installed (scripts/stage_package.sh).
set -euo pipefail
BIN=${BIN:-.venv/bin}
source "$(dirname "$0")/stage_package.sh"
"$here/$BIN/mypy" --config-file "$here/pyproject.toml" --cache-dir /dev/null -p respchain "$@"
