#!/usr/bin/env bash
# Check the layer contract of pyproject.toml ([tool.importlinter]) with import-linter.
#
# The package is assembled from several folders (setuptools package-dir), which
# import-linter cannot follow; it reads a private temporary folder of symbolic
# links laid out as the installed package instead.
set -euo pipefail
BIN=${BIN:-.venv/bin}
here=$(cd "$(dirname "$0")/.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/respchain"
for f in "$here"/respchain/*; do ln -s "$f" "$stage/respchain/$(basename "$f")"; done
for d in graph loaders queries viz; do ln -s "$here/$d" "$stage/respchain/$d"; done
ln -s "$here/data" "$stage/respchain/examples"
cd "$stage"
PYTHONPATH="$stage" "$here/$BIN/lint-imports" "$here/pyproject.toml" --no-cache "$@"
