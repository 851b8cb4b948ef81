# CCHC Desktop — the two set-up commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo/so-dang-ky-mau.sqlite
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest dist demo bench screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	@test -f $(DEMO_DB) || $(BIN)/cchc-desktop demo --db $(DEMO_DB)
	$(BIN)/cchc-desktop --db $(DEMO_DB)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/cchc-desktop demo --db $(DEMO_DB)

lint: $(STAMP)
	$(BIN)/ruff check cchc_desktop ui tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint typecheck pytest

bench: $(STAMP)
	for f in bench/*_bench.py; do $(BIN)/python $$f || exit 1; done

screenshots: $(STAMP)
	PY=$(BIN)/python sh docs/screenshots/take_all.sh docs/screenshots

dist: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
