# The project's commands; README.md says what each is for.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := run

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install, so dependencies are reinstalled only when pyproject.toml changes.
INSTALLED := $(VENV)/.installed
ARGS ?=
# Every script in bench/ is a benchmark; a module named _*.py would be a helper they share.
BENCH_SCRIPTS := $(sort $(filter-out bench/_%,$(wildcard bench/*.py)))

.PHONY: run setup test lint bench check

run: setup
	$(BIN)/python manage.py runserver 127.0.0.1:8000

setup: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddata organizations
	$(BIN)/python manage.py import_seeds

test: $(INSTALLED)
	scripts/test.sh $(ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(INSTALLED)
	@test -n "$(BENCH_SCRIPTS)" || { echo "no scripts in bench/" >&2; exit 1; }
	for script in $(BENCH_SCRIPTS); do $(BIN)/python "$$script"; done

check: $(INSTALLED)
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@
