#!/usr/bin/env bash
# Run the whole test suite: start a Neo4j for it (unless NEO4J_URI names one),
# run pytest, stop Neo4j afterwards, also when tests fail.
set -uo pipefail
BIN=${BIN:-.venv/bin}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# The layer contract first (docs/architecture.md): a broken layer fails the run.
BIN="$BIN" bash scripts/lint_imports.sh || exit 1
# Types: mypy over the package ([tool.mypy] of pyproject.toml).
BIN="$BIN" bash scripts/typecheck.sh || exit 1
dir="$here/.neo4j-test"
started=0
if [ -z "${NEO4J_URI:-}" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  if uri=$(bash scripts/neo4j.sh start "$dir"); then
    export NEO4J_URI="$uri"
    started=1
    echo "Neo4j: $NEO4J_URI"
  else
    echo "Neo4j 未能启动 / Neo4j did not start (Neo4j tests will fail if required)" >&2
  fi
fi
cleanup() {
  if [ "$started" = 1 ]; then bash scripts/neo4j.sh stop "$dir" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT INT TERM
mkdir -p test-artifacts
"$BIN/pytest" -q -p no:cacheprovider "$@"
rc=$?
if [ "$#" = 0 ]; then
  # Strict extraction scores on the real development and test articles.
  echo "== eval-extract tests/data/extract/real =="
  "$BIN/respchain" eval-extract tests/data/extract/real || rc=$?
fi
exit $rc
