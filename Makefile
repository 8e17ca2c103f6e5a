# Mathematics for Machine Learning — one command per job. Needs only python3 and make.
# `make demo` and `make test` create .venv and install the pinned packages on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed
export PATH := $(BIN):$(PATH)
export MPLBACKEND := agg

.PHONY: demo test lab release lint bench clean

$(STAMP): requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian run 'apt-get install python3-venv'"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## demo: regenerate release/, grade a demo class, write feedback and grades, print the table
demo: $(STAMP)
	$(BIN)/mml demo

## test: the whole test suite (what CI runs)
test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

## lab: JupyterLab on the course, for students and self-learners
lab: $(STAMP)
	MPLBACKEND= $(BIN)/jupyter lab --notebook-dir=$(CURDIR)

## release: regenerate release/ from source/ with nbgrader
release: $(STAMP)
	$(BIN)/mml demo --release-only

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .mml submitted autograded/*/ feedback exports gradebook.db
