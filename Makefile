# translit: developer entry points. See README.md.
#   make demo   install translit into .venv (first time ~2-3 min: PyICU compiles) and run the demo
#   make test   install translit[test] and the test's system packages, lint, run the whole test suite
#   make bench  run the conversion benchmark

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.DEFAULT_GOAL := help
.PHONY: help venv demo test bench clean

help:
	@echo "make demo   - install into $(VENV) and run 'translit demo'"
	@echo "make test   - install into $(VENV) with the test extras, ruff check, pytest"
	@echo "make bench  - run benchmarks/convert.py"
	@echo "make clean  - remove build outputs and caches (keeps $(VENV))"

venv: $(STAMP)

# Re-install only when pyproject.toml changed (or the venv is new/broken). The demo needs only
# PyICU's build packages and translit; the tests also a JRE (Spark), chromium (the serve page),
# curl (docs/serve.md) and the [test] extra.
$(STAMP): pyproject.toml scripts/ensure-system-deps.sh
	@bash scripts/ensure-system-deps.sh "$(PYTHON)"
	@if [ ! -x "$(BIN)/python" ]; then \
		echo "creating $(VENV) with $$($(PYTHON) --version 2>&1)"; \
		rm -rf "$(VENV)" && $(PYTHON) -m venv "$(VENV)"; \
	fi
	@echo "installing translit-toolkit into $(VENV) (PyICU builds from source the first time, ~2 min)"
	$(BIN)/python -m pip install --disable-pip-version-check -q -e .
	@touch "$@"

$(TEST_STAMP): $(STAMP)
	@bash scripts/ensure-system-deps.sh --test "$(PYTHON)"
	@echo "installing translit-toolkit[test] into $(VENV)"
	$(BIN)/python -m pip install --disable-pip-version-check -q -e '.[test]'
	@touch "$@"

demo: $(STAMP)
	$(BIN)/translit demo

test: $(TEST_STAMP)
	$(BIN)/ruff check translit tests benchmarks
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/convert.py

clean:
	rm -rf dist build *.egg-info .pytest_cache .ruff_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
