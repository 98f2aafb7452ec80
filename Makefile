# baulast: `make run` sets everything up and ingests the sample scans; `make test` runs the tests.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DATA ?= baulast-data
DB ?= sqlite:///$(DATA)/baulast.sqlite

.PHONY: run serve test setup system-packages eval bench bench-search clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

system-packages:  ## install the missing Debian packages (Tesseract with deu and osd, poppler, PostgreSQL for the tests)
	@scripts/ensure-system-packages.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

setup: system-packages $(STAMP)  ## set up everything a fresh Debian machine needs

run: setup  ## ingest sample_scans/ into the SQLite default and show a search
	@rc=0; $(BIN)/baulast --version; \
	$(BIN)/baulast ingest sample_scans --db $(DB) --report $(DATA)/last-batch.json || rc=$$?; \
	if [ $$rc -ne 0 ] && [ $$rc -ne 3 ] && [ $$rc -ne 4 ]; then exit $$rc; fi
	@echo; echo '$$ baulast search --parcel "Gemarkung Hoisten, Flur 27, Flurstück 2059"'
	@$(BIN)/baulast search --db $(DB) --parcel "Gemarkung Hoisten, Flur 27, Flurstück 2059"

serve: setup  ## serve the web app on http://localhost:8000/ over the local database (create a user first: see README)
	$(BIN)/baulast serve --db $(DB)

test: setup  ## run the whole test suite with real Tesseract
	$(BIN)/python -m pytest

eval: setup  ## accuracy on the sample scans
	$(BIN)/baulast eval sample_scans

PAGES ?= 150
CARDS ?= 1000
LONG_PAGES ?= 300
bench: setup  ## ingest vs bare tesseract on PAGES (150) pages, 2 x CARDS (1,000) small files, a LONG_PAGES (300) page PDF
	$(BIN)/python -u -m bench.ingest_bench --pages $(PAGES) --cards $(CARDS) --long-pages $(LONG_PAGES)

RECORDS ?= 1000000
bench-search: setup  ## seed RECORDS (1,000,000) records into SQLite and PostgreSQL, time a query mix
	$(BIN)/python -u -m bench.search_bench --records $(RECORDS)

clean:  ## remove the local database and store (never the sample scans)
	rm -rf $(DATA)
