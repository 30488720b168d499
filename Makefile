# Everything a newcomer needs: `make demo`, then `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench baseline mutation clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	# Bytecode up front: the package is installed editable, and where PYTHONDONTWRITEBYTECODE
	# is set every run would compile it again (about 30 ms a process).
	$(BIN)/python -m compileall -q attribution
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/attribution extract --format text corpus/*.txt
	$(BIN)/attribution check --exit-zero expectations/
	# No record at all: the outlets checked against each other, then a record drafted from them
	# (to stdout; `-o expectations/NAME.yaml` writes a file, never over an existing one).
	$(BIN)/attribution consensus corpus/*.txt
	$(BIN)/attribution draft corpus/*.txt
	# A transcript as the record: every speaker turn is that speaker's record (docs/records.md).
	# Run on a copy without expectations/: where a record file holds the same words, the
	# finding is that file's, and this one would show nothing of its own.
	tmp=$$(mktemp -d) && cp -r corpus transcripts "$$tmp" && \
		(cd "$$tmp" && $(CURDIR)/$(BIN)/attribution check --exit-zero transcripts/austin-rome.yaml); \
		status=$$?; rm -rf "$$tmp"; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

# Accept every finding the bundled gate makes now (after a parser change moves them).
baseline: $(STAMP)
	$(BIN)/pytest -q expectations --attribution-baseline-update

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Mutation testing of attribution/check/verdicts.py against the fast compare tests ([tool.mutmut] in
# pyproject.toml); one worker, as the machine is shared. Survivors that cannot change behaviour
# are listed in tests/mutants_compare.md.
mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'mutmut>=3.8'
	$(BIN)/mutmut run --max-children 1
	$(BIN)/mutmut results --all true | awk -F': ' 'NF == 2 { n[$$2]++; t++ } \
		END { for (k in n) print k ": " n[k]; \
		printf "score: %d killed or timed out / %d mutants\n", n["killed"] + n["timeout"], t }'

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache mutants
