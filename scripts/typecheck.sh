#!/usr/bin/env bash
# Type-check the package with mypy ([tool.mypy] of pyproject.toml).
#
# The package is assembled from several folders (setuptools package-dir), which
# mypy cannot follow from the source tree; as for import-linter, it reads a
# private temporary folder of symbolic links laid out as the installed package.
set -euo pipefail
BIN=${BIN:-.venv/bin}
here=$(cd "$(dirname "$0")/.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/respchain"
for f in "$here"/respchain/*; do ln -s "$f" "$stage/respchain/$(basename "$f")"; done
for d in graph loaders queries viz; do ln -s "$here/$d" "$stage/respchain/$d"; done
cd "$stage"
"$here/$BIN/mypy" --config-file "$here/pyproject.toml" --cache-dir /dev/null -p respchain "$@"
