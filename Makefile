# The README's two commands: `make run` (install, then the main job on examples/) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: install run test lint clean docs chromium fuzz places bench

install: $(VENV)/.installed

# All extras; torch is pinned through constraints.txt so pip takes the local CPU wheel, not a CUDA build.
$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -c constraints.txt -e '.[translate,dask,test,dev]'
	touch $@

# Main job: clean the bundled corpus (JSONL with some broken lines) into $(OUT)/corpus, then check each
# bundled article and write its fixed text and a diff under $(OUT)/.
run: install
	rm -rf $(OUT)/corpus
	$(BIN)/transclean clean examples/corpus.jsonl -o $(OUT)/corpus --id-field id --workers 2
	@for f in examples/*.txt; do \
		name=$$(basename $$f .txt); \
		echo "== $$f"; \
		$(BIN)/transclean check $$f; rc=$$?; [ $$rc -le 1 ] || exit $$rc; \
		$(BIN)/transclean fix --exit-zero $$f -o $(OUT)/$$name.txt || exit $$?; \
		$(BIN)/transclean fix --exit-zero --diff $$f > $(OUT)/$$name.diff || exit $$?; \
	done
	@echo "fixed texts and diffs written to $(OUT)/"

# The shipped place list (src/transclean/data/places.txt) from GeoNames, less common English surnames.
places: install
	$(BIN)/python -m transclean.places

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# The HTML reports are tested in headless Chromium (Debian's package; needs root, as in CI).
chromium:
	@command -v chromium >/dev/null || (DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null \
		|| (apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null) \
		|| echo "warning: could not install chromium; the HTML rendering tests will skip")

test: lint chromium
	$(BIN)/python -m pytest

# Fuzz the text-facing entry points (check, fix, the edit log) with hypothesis for a bounded time.
FUZZ_SECONDS ?= 300
fuzz: install
	timeout $(FUZZ_SECONDS) $(BIN)/python -m pytest tests/test_properties.py -q -p no:cacheprovider \
		--hypothesis-profile=fuzz --hypothesis-show-statistics || test $$? -eq 124

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache

# Every speed ratio of docs/benchmarks.md in one run, against ftfy on the same texts (needs ../shared/data).
bench: install
	$(BIN)/python bench/bench_all.py

# Regenerate docs/rules/ (one page per rule and an index) from the rule declarations.
docs: install
	$(BIN)/python -m transclean.rules.docs docs/rules
