# Two commands set everything up on a fresh machine: `make demo` and `make test`.
# Every target installs what it needs first (a virtualenv in .venv with the package and its
# test and benchmark tools), so nothing has to be installed by hand.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO := fixtures/pages/zh_front_5col.pdf

.PHONY: install demo test bench fixtures clean

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	mkdir -p out
	$(VENV)/bin/newslayout convert $(DEMO) -o out/demo.html --images out/demo_files
	@echo
	@echo "Open out/demo.html in a browser: the sample page $(DEMO), rebuilt as stories in reading order."

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) bench/run.py --out BENCHMARKS.md

fixtures: install
	$(PY) fixtures/make_fixtures.py

clean:
	rm -rf out build dist *.egg-info .pytest_cache
