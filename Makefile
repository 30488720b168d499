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

# Mutation testing ([tool.mutmut] in pyproject.toml): each module below in turn, one worker,
# as the machine is shared; mutmut runs for each mutant only the selected tests that call the
# mutated function. Prints a score per module (target: 95% killed or timed out, `make` fails
# below it); the survivors that cannot change behaviour are listed in tests/mutants_<name>.md.
MUTATED := attribution.check.align attribution.check.names attribution.check.verdicts \
	attribution.check.records attribution.parse.speakers

mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'mutmut>=3.8'
	# mutmut copies a file into mutants/ only once: data lists edited since the last run
	# would be stale (and the clean run fail), so they are copied afresh
	rm -rf mutants/attribution/data
	for module in $(MUTATED); do \
		$(BIN)/mutmut run --max-children 1 "$$module.*" > /dev/null || exit 1; done
	$(BIN)/mutmut results --all true | awk -F': ' -v modules="$(MUTATED)" \
		'NF == 2 { sub(/^ +/, "", $$1); split($$1, at, ".x"); t[at[1]]++; n[at[1], $$2]++ } \
		END { split(modules, all, " "); bad = 0; \
			for (i = 1; i in all; i++) { m = all[i]; k = n[m, "killed"] + n[m, "timeout"]; \
				s = t[m] ? 100 * k / t[m] : 0; if (s < 95) bad = 1; \
				printf "%-28s %4d of %4d killed or timed out: %5.1f%% (%d survived, %d other)\n", \
					m, k, t[m], s, n[m, "survived"], t[m] - k - n[m, "survived"] } \
			exit bad }'

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache mutants
