#!/usr/bin/env bash
# All benchmarks, big sizes included (make bench). Each prints its table and
# writes its figures under bench/results/ (git-ignored). Times are compared as
# ratios against a baseline measured in the same run.
set -uo pipefail
BIN=${BIN:-.venv/bin}
SIZES=${BENCH_SIZES:-1000,10000,100000}
cd "$(dirname "$0")/.."
mkdir -p bench/results
rc=0
run() { echo; echo "== $*"; "$BIN/python" "$@" || rc=1; }
run bench/bench_gaps.py --sizes "$SIZES"
run bench/bench_memory.py --sizes "$SIZES" --rules
run bench/bench_neo4j.py --sizes "$SIZES"
run bench/bench_shacl.py --sizes 1000,10000
run bench/bench_viz.py --nodes 20000
run bench/bench_ledger.py --rows 5000
run bench/bench_extract.py
echo; echo "== 全部数据 / every figure (bench/table.py)"
"$BIN/python" bench/table.py || rc=1
exit $rc
