# respchain — the two commands of the README are `make demo` and `make test`.
#
# A virtual environment (.venv) is created when none is active; inside an active
# one ($VIRTUAL_ENV) the project is installed there instead.

PYTHON ?= python3
ifdef VIRTUAL_ENV
BIN := $(VIRTUAL_ENV)/bin
else
BIN := .venv/bin
endif
STAMP := $(BIN)/.respchain-installed
OUT ?= out
BENCH_SIZES ?= 1000,10000,100000

.PHONY: help install demo test test-fast neo4j bench lint sysdeps clean

help:
	@echo "make demo   安装并运行示例 / install, then write the demo outputs to $(OUT)/"
	@echo "make test   安装依赖、启动 Neo4j、运行全部测试 / install, start Neo4j, run all tests"
	@echo "make neo4j  前台运行一个 Neo4j / run a Neo4j in the foreground (bolt://127.0.0.1:$${NEO4J_PORT:-7687})"
	@echo "make bench  基准测试（含大规模）/ benchmarks, big sizes included"

$(BIN)/python:
	$(PYTHON) -m venv .venv

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/respchain demo -o $(OUT)

sysdeps:
	@bash scripts/sysdeps.sh

test: install sysdeps
	@BIN=$(BIN) bash scripts/test.sh

# Tests without Neo4j and the browser (they are skipped unless required).
test-fast: install
	$(BIN)/pytest -q -m "not neo4j and not browser"

neo4j:
	bash scripts/neo4j.sh run

bench: install sysdeps
	@BIN=$(BIN) BENCH_SIZES=$(BENCH_SIZES) bash scripts/bench.sh

lint: install
	$(BIN)/ruff check respchain graph loaders queries viz tests bench
	$(BIN)/ruff format --check respchain graph loaders queries viz tests bench
	@BIN=$(BIN) bash scripts/typecheck.sh
	@BIN=$(BIN) bash scripts/lint_imports.sh

clean:
	rm -rf $(OUT) build *.egg-info .pytest_cache test-artifacts
