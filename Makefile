# Sổ Công đoàn — build, run and test. `make run` and `make test` work on a fresh Debian
# machine with Python 3.11: they create .venv, install the pinned set and do the rest.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)
QM     := resources/i18n/socongdoan_vi.qm
# Qt's own strings (file dialogs, standard buttons, context menus): Qt ships no Vietnamese.
QTQM   := resources/i18n/qtbase_vi.qm

.PHONY: run test lint translations lupdate sysdeps sysdeps-test bench bundle clean

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

$(QM): resources/i18n/socongdoan_vi.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

$(QTQM): resources/i18n/qtbase_vi.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM) $(QTQM)

# Refresh the .ts file from the tr() calls in gui/ (keeps existing translations).
lupdate: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find gui main.py -name '*.py') -ts resources/i18n/socongdoan_vi.ts

# System packages the app and the tests need (Qt's runtime libraries, poppler for pdftotext);
# sysdeps-test adds what only the tests need (LibreOffice Calc and fonts, to print exports).
sysdeps:
	sh installer/debian-deps.sh

sysdeps-test:
	sh installer/debian-deps.sh --test

run: $(STAMP) $(QM) $(QTQM) sysdeps
	$(PY) main.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: $(STAMP) $(QM) $(QTQM) sysdeps-test lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 -q

bench: $(STAMP) $(QM) $(QTQM)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

bundle: $(STAMP) $(QM) $(QTQM)
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build installer/socongdoan.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache $(QM) $(QTQM)
