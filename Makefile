# Every target sets up what it needs: a .venv with the pinned packages and, when run as root,
# the Debian packages Qt and the Word-export tests need. Nothing is installed twice.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

# Qt's system libraries and fonts (see docs/decisions/0001-qt-pin-and-system-packages.md),
# LibreOffice, which the tests use to read the exported Word files, and Xvfb, the virtual screen
# the screenshots are taken on.
DEBIAN_PACKAGES := libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 \
	libglib2.0-0 libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxkbcommon-x11-0 \
	libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xkb1 libx11-xcb1 libreoffice-writer python3-uno xvfb xauth
# PostgreSQL's server programs: the tests and the benchmark start a throwaway cluster with them.
DEBIAN_PACKAGES += postgresql
# A D-Bus session bus, which every desktop has: the benchmark's first paint on X runs beside one.
DEBIAN_PACKAGES += dbus-daemon

.PHONY: run test lint bench setup system-packages clean soak package package-test package-tools translations

run: setup
	$(PY) main.py

test: setup lint
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check negotiator benchmarks tests tools main.py
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy negotiator

bench: setup
	$(PY) -m benchmarks

setup: system-packages $(STAMP)

system-packages:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		missing=""; \
		for p in $(DEBIAN_PACKAGES); do \
			dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				--no-install-recommends $$missing >/dev/null; \
		fi; \
	fi

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .bench build dist *.egg-info

# The crash test at length: 2,000 writes killed at random moments, with a random seed it prints
# (set NEGOTIATOR_CRASH_SEED to replay one), then the two-instance tests.
soak: setup
	NEGOTIATOR_CRASH_SEED=$${NEGOTIATOR_CRASH_SEED:-random} NEGOTIATOR_CRASH_WRITES=$${NEGOTIATOR_CRASH_WRITES:-2000} \
		$(PY) -m pytest -q -s tests/test_crash_safety.py tests/test_two_instances.py

# The installable app: a one-folder PyInstaller build in dist/negotiator (see packaging/README.md).
PACKAGE_STAMP := $(VENV)/.package-installed

package: setup package-tools $(PACKAGE_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/negotiator.spec
	@du -sh dist/negotiator

# Runs the built app with nothing of this checkout or its Python around it; fails if it was not built.
package-test: setup
	NEGOTIATOR_PACKAGE_TEST=1 $(PY) -m pytest -q tests/test_packaging.py

# PyInstaller reads the libraries a binary needs with objdump and strips them with strip (binutils).
package-tools:
	@if ! command -v objdump >/dev/null && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian packages: binutils"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends binutils >/dev/null; \
	fi

$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,package]"
	touch $(PACKAGE_STAMP)

# After changing the window's words: the translation source brought up to date, and the compiled British
# English that ships (committed, so a checkout runs without this step; a test checks they agree).
translations: setup
	$(VENV)/bin/pyside6-lupdate negotiator/ui/*.py negotiator/ui/*/*.py -ts resources/translations/negotiator_en_GB.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/negotiator_en_GB.ts
