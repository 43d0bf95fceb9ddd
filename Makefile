# selfeval — the two commands that do everything on a fresh machine: `make run`, `make test`.
PYTHON ?= python3
PIP_FLAGS ?= --quiet --disable-pip-version-check
export PIP_ROOT_USER_ACTION := ignore

.PHONY: install run test test-deep bench clean

install:
	@$(PYTHON) -m pip install $(PIP_FLAGS) -e '.[test]'

# parse every sample dump and print its records (stdout carries only the JSON)
run: install
	@$(PYTHON) -m selfeval parse samples/*.txt

# the property tests run at the CI profile (300 examples each); test-deep runs 5,000 each
test: install
	$(PYTHON) -m pytest -q

test-deep: install
	HYPOTHESIS_PROFILE=deep $(PYTHON) -m pytest -q tests/test_properties.py tests/test_damaging.py

# throughput: 10,000 rendered forms, the seed x400, 20,000 forms through stdin, --jobs 2,
# and the ratio to a one-rule TextFSM pass (textfsm is installed for the benchmark only)
bench: install
	@$(PYTHON) -m pip install $(PIP_FLAGS) textfsm
	$(PYTHON) scripts/bench.py

clean:
	rm -rf build dist *.egg-info .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
