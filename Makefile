# sahel-data: `make release` and `make test` do all set-up on a machine with python3 and make.
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
CORPUS ?= seeds
OUT ?= datapackage
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: help install release validate test lint unit schemas bench-quality bench-heldout bench-heldout2 bench-heldout3 bench-heldout4 bench-heldout5 bench-heldout6 bench-heldout7 bench-heldout8 bench-heldout9 bench-heldout10 bench-heldout11 bench-heldout12 bench-heldout13 bench-heldout14 bench-heldout15 bench-heldout16 bench-heldout17 bench-heldout18 bench-heldout19 bench-heldout20 bench-heldout21 bench-heldout22 bench-heldout23 bench-heldout24 bench-heldout25 bench-heldout26 bench-heldout27 bench-heldout28 bench-heldout29 bench-heldout30 bench-heldout31 bench-heldout32 bench-heldout33 clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) ## create .venv with the pinned dependencies (requirements.lock)

schemas: $(STAMP) ## regenerate schemas/ (frictionless table schemas) from the spec
	$(PY) -m sahel_data.spec schemas >/dev/null

release: schemas ## run the Prefect flow on $(CORPUS)/ and publish $(OUT)/
	$(VENV)/bin/sahel-data release --corpus $(CORPUS) --out $(OUT)

validate: $(STAMP) ## validate $(OUT)/ (pandera, frictionless, provenance)
	$(VENV)/bin/sahel-data validate $(OUT) --corpus $(CORPUS)
	$(VENV)/bin/frictionless validate $(OUT)/datapackage.json

lint: $(STAMP) ## ruff
	$(VENV)/bin/ruff check src tests benchmarks flows

unit: $(STAMP) ## tests without the end-to-end flow run
	$(PY) -m pytest -m "not flow"

test: $(STAMP) lint ## lint, then every test (doctests, unit, contract, flow)
	$(PY) -m pytest

bench-quality: $(STAMP) ## extraction precision/recall/F1 on the seeds' answer keys
	$(PY) benchmarks/extraction_quality.py

bench-heldout: $(STAMP) ## the same on the held-out articles
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout/corpus --gold tests/fixtures/heldout/gold

bench-heldout2: $(STAMP) ## the same on the second held-out set
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout2/corpus --gold tests/fixtures/heldout2/gold

bench-heldout3: $(STAMP) ## the same on the third held-out set (a helper's; a development set since 2026-11-22)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout3/corpus --gold tests/fixtures/heldout3/gold

bench-heldout4: $(STAMP) ## the same on the fourth set (a helper's, written 2026-11-22; kept clean: measured, never tuned on)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout4/corpus --gold tests/fixtures/heldout4/gold

bench-heldout6: $(STAMP) ## the same on the sixth set (a helper's, written 2026-11-22 at session end; kept clean)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout6/corpus --gold tests/fixtures/heldout6/gold

bench-heldout5: $(STAMP) ## the same on the fifth set (a helper's; a development set from the start)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout5/corpus --gold tests/fixtures/heldout5/gold

bench-heldout7: $(STAMP) ## the same on the seventh set (a helper's, written 2026-11-22; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout7/corpus --gold tests/fixtures/heldout7/gold

bench-heldout8: $(STAMP) ## the same on the eighth set (a helper's, written 2026-11-22; kept clean: measured, never tuned on)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout8/corpus --gold tests/fixtures/heldout8/gold

bench-heldout9: $(STAMP) ## the same on the ninth set (a helper's, written 2026-11-22; kept clean: measured, never tuned on)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout9/corpus --gold tests/fixtures/heldout9/gold

bench-heldout10: $(STAMP) ## the same on the tenth set (a helper's, written 2026-11-22 in the fifth session; kept clean: measured, never tuned on)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout10/corpus --gold tests/fixtures/heldout10/gold

bench-heldout11: $(STAMP) ## the same on the eleventh set (a helper's, written the same day; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout11/corpus --gold tests/fixtures/heldout11/gold

bench-heldout12: $(STAMP) ## the same on the twelfth set (a helper's, written the same day in varied outlets' styles; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout12/corpus --gold tests/fixtures/heldout12/gold

bench-heldout13: $(STAMP) ## the same on the thirteenth set (a helper's, written in the sixth session; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout13/corpus --gold tests/fixtures/heldout13/gold

bench-heldout14: $(STAMP) ## the same on the fourteenth set (a helper's, written in the sixth session; kept clean: measured, never tuned on)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout14/corpus --gold tests/fixtures/heldout14/gold

bench-heldout15: $(STAMP) ## the same on the fifteenth set (a helper's, written in the seventh session; kept clean: measured, never tuned on)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout15/corpus --gold tests/fixtures/heldout15/gold

bench-heldout16: $(STAMP) ## the same on the sixteenth set (a helper's, written in the seventh session; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout16/corpus --gold tests/fixtures/heldout16/gold

bench-heldout17: $(STAMP) ## the same on the seventeenth set (a helper's, written in the eighth session; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout17/corpus --gold tests/fixtures/heldout17/gold

bench-heldout18: $(STAMP) ## the same on the eighteenth set (a helper's, written in the eighth session; kept clean: figures only)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout18/corpus --gold tests/fixtures/heldout18/gold

bench-heldout19: $(STAMP) ## the same on the nineteenth set (a helper's, written in the ninth session; kept clean: figures only)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout19/corpus --gold tests/fixtures/heldout19/gold

bench-heldout20: $(STAMP) ## the same on the twentieth set (a helper's, written in the ninth session; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout20/corpus --gold tests/fixtures/heldout20/gold

bench-heldout21: $(STAMP) ## the same on the twenty-first set (a helper's, written late in the ninth session; kept clean: figures only)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout21/corpus --gold tests/fixtures/heldout21/gold

bench-heldout22: $(STAMP) ## the same on the twenty-second set (a helper's, written in the tenth session; kept clean: figures only)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout22/corpus --gold tests/fixtures/heldout22/gold

bench-heldout23: $(STAMP) ## the same on the twenty-third set (a helper's, written in the tenth session; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout23/corpus --gold tests/fixtures/heldout23/gold

bench-heldout24: $(STAMP) ## the same on the twenty-fourth set (a helper's, written in the eleventh session; kept clean: figures only)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout24/corpus --gold tests/fixtures/heldout24/gold

bench-heldout25: $(STAMP) ## the same on the twenty-fifth set (a helper's, written in the eleventh session; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout25/corpus --gold tests/fixtures/heldout25/gold

bench-heldout26: $(STAMP) ## the same on the twenty-sixth set (a helper's, written in the twelfth session; kept clean: figures only)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout26/corpus --gold tests/fixtures/heldout26/gold

bench-heldout27: $(STAMP) ## the same on the twenty-seventh set (a helper's, written in the twelfth session; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout27/corpus --gold tests/fixtures/heldout27/gold

bench-heldout28: $(STAMP) ## the same on the twenty-eighth set (a helper's, written in the thirteenth session; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout28/corpus --gold tests/fixtures/heldout28/gold

bench-heldout29: $(STAMP) ## the same on the twenty-ninth set (a helper's, written in the thirteenth session; kept clean: figures only)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout29/corpus --gold tests/fixtures/heldout29/gold

bench-heldout30: $(STAMP) ## the same on the thirtieth set (a helper's, written in the fourteenth session; kept clean: figures only)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout30/corpus --gold tests/fixtures/heldout30/gold

bench-heldout31: $(STAMP) ## the same on the thirty-first set (a helper's, written in the fourteenth session; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout31/corpus --gold tests/fixtures/heldout31/gold

bench-heldout32: $(STAMP) ## the same on the thirty-second set (a helper's, written in the fifteenth session; kept clean: never read)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout32/corpus --gold tests/fixtures/heldout32/gold

bench-heldout33: $(STAMP) ## the same on the thirty-third set (a helper's, written in the fifteenth session; a development set after first contact)
	$(PY) benchmarks/extraction_quality.py --corpus tests/fixtures/heldout33/corpus --gold tests/fixtures/heldout33/gold

clean: ## remove the venv and caches (not datapackage/)
	rm -rf $(VENV) .prefect .pytest_cache .ruff_cache
