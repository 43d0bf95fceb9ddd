# selfeval — the two commands that do everything on a fresh machine: `make run`, `make test`.
PYTHON ?= python3
PIP_FLAGS ?= --quiet --disable-pip-version-check
export PIP_ROOT_USER_ACTION := ignore

.PHONY: install run test clean

install:
	@$(PYTHON) -m pip install $(PIP_FLAGS) -e '.[test]'

# parse every sample dump and print its records (stdout carries only the JSON)
run: install
	@$(PYTHON) -m selfeval parse samples/*.txt

test: install
	$(PYTHON) -m pytest -q

clean:
	rm -rf build dist *.egg-info .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
