# Reproducible environment, notebooks and figures. Every target builds .venv from requirements.txt first.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
EXECUTE := $(abspath $(BIN))/jupyter nbconvert --to notebook --execute --inplace \
	--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.timeout=1200 --ExecutePreprocessor.kernel_name=python3 \
	--ExecutePreprocessor.coalesce_streams=True
export PYTHONHASHSEED := 0
export TQDM_DISABLE := 1

.PHONY: all venv figures notebooks test unit nbval accuracy reports-test lab clean report book browser-test

all: figures

venv: $(STAMP)

# (Re)create the environment when it is missing or requirements.txt changed since it was built.
$(STAMP): requirements.txt
	@if [ ! -x $(BIN)/python ]; then $(PYTHON) -m venv $(VENV); fi
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (.venv)" >/dev/null
	@touch $@

# Execute every notebook in order, in place: stored outputs and figures/ are regenerated.
notebooks: $(STAMP)
	@for nb in $(NOTEBOOKS); do echo "executing $$nb"; (cd notebooks && $(EXECUTE) $$(basename $$nb)) || exit 1; done

figures: notebooks

# Both use the two cores (pytest-xdist); --dist loadfile keeps a test module (or a notebook and its kernel) on one worker.
unit: $(STAMP)
	$(BIN)/python -m pytest tests -n 2 --dist loadfile -m "not accuracy and not reports"

# The accuracy guards (tests marked accuracy): each model scored on thousands of held-out items from ../shared
# (PolNeAR dev, FNC-1 dev split, hand-labelled dev quotes, NYT and NewsMTSC ratings) must stay at its target.
# About 2 minutes on 2 cores, most of it sentence encoding; CI runs it after make test.
accuracy: $(STAMP)
	$(BIN)/python -m pytest tests -n 2 --dist loadfile -m accuracy

# Every per-article notebook (01-05) run by lib.report on three articles the project was not written for (no title line,
# no quotes, CRLF with a DATE header and unnamed sources): no error output, every figure written with marks. About 3
# minutes (lib.report runs two notebooks at a time); CI runs it after make test.
reports-test: $(STAMP)
	$(BIN)/python -m pytest tests/test_reports.py -m reports

nbval: $(STAMP)
	$(BIN)/python -m pytest -p no:python --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval-sanitize.cfg -n 2 --dist loadfile notebooks

# Unit tests, then nbval in strict mode, then the figures must equal the committed ones byte for byte.
test: unit nbval
	git diff --exit-code --stat -- figures
	@untracked=$$(git status --porcelain --untracked-files=all -- figures); \
	if [ -n "$$untracked" ]; then echo "figures not committed:"; echo "$$untracked"; exit 1; fi

# Every per-article notebook (01-05) on one article, into out/<stem>/: executed notebooks, figures/, report.html.
# Quote a path with spaces: make report ARTICLE="data/onestopenglish/Arctic mapping-adv.txt"
report: $(STAMP)
	@if [ -z "$(ARTICLE)" ]; then echo "usage: make report ARTICLE=path/to/article.txt" >&2; exit 2; fi
	$(BIN)/python -m lib.report "$(ARTICLE)"

# The book: every notebook with its stored outputs (nothing is executed), the README, a glossary and references,
# as a static site in out/book/ (open out/book/index.html). Sphinx warnings fail the build.
book: $(STAMP)
	$(BIN)/python book/build.py

# Real-browser tests (Playwright driving the system's Chromium): every book page, link and image, and notebooks run
# through JupyterLab's UI. Skipped without Chromium, except under CI. Not part of `make unit`: the files are browser_*.py.
browser-test: book
	$(BIN)/python -m pytest -p no:cacheprovider -o python_files='browser_*.py' tests/browser

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
