# 京蒙协作成果看板 — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
# glibc malloc arenas for the server (fewer arenas keep freed memory reusable; see ui/memory.py)
MALLOC_ARENA_MAX ?= 2
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## //'

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/activate
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## run: install (first time) and serve the dashboard on the bundled data
run: $(VENV)/.runtime font-deps
	MALLOC_ARENA_MAX=$(MALLOC_ARENA_MAX) $(PY) -m streamlit run web.py --server.port $(PORT)

## serve: nginx on PORT in front of WORKERS Streamlit processes (default: one per core) on one
## store (SQLite in WAL mode, or PostgreSQL through DATABASE_URL); installs nginx when missing
serve: $(VENV)/.runtime web-deps font-deps
	MALLOC_ARENA_MAX=$(MALLOC_ARENA_MAX) exec $(PY) -m deploy.serve --port $(PORT) --workers $(WORKERS)

## web-deps: install Debian's nginx when missing (make serve, its test and the load bench)
web-deps:
	@if [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1; then :; \
	else echo "installing nginx"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx >/dev/null; fi

## font-deps: install Debian's CJK fonts when missing (the map draws its place names with them;
## without them, or without apt, the map falls back to a slower text layer and still works)
font-deps:
	@if fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then :; \
	else echo "installing fonts-noto-cjk (map place names)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null ) \
	  || echo "fonts-noto-cjk not installed: the map uses its text layer"; fi

## browser-deps: install Debian's chromium and CJK fonts when missing (browser tests, screenshots)
browser-deps:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then :; \
	else echo "installing chromium + fonts-noto-cjk"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; fi

## db-deps: install Debian's PostgreSQL server when missing (the store tests run on it too)
db-deps:
	@if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	else echo "installing postgresql"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; fi

## lint: ruff format check + ruff lint + vulture (dead code; whitelist in tests/vulture_whitelist.py)
lint: $(VENV)/.dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/vulture

## format: apply ruff formatting and safe fixes
format: $(VENV)/.dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## test: install, lint, then the whole suite (unit, data contract, store on SQLite and a
## throwaway PostgreSQL, AppTest pages, browser)
test: $(VENV)/.dev browser-deps db-deps web-deps lint
	JMB_REQUIRE_POSTGRES=1 $(PY) -m pytest

## smoke: the browser tests alone
smoke: $(VENV)/.dev browser-deps
	$(PY) -m pytest -m browser

## bench: browser and server timings, memory, load on the server (a room opening /present at
## once, steady sessions: bench/room.py), a filter change in one real tab (bench/tab.py),
## bundled + region-scale data (not part of make test: timings are noisy), first view after an
## edit at region scale; writes artifacts/bench.json and the README's bench section from it
bench: $(VENV)/.dev browser-deps web-deps
	$(PY) -m bench
	$(PY) -m bench.map
	$(PY) -m bench.room
	$(PY) -m bench.tab
	JMB_DATA_DIR=build/region DATABASE_URL=sqlite:///$(CURDIR)/build/bench-region.sqlite \
	  $(PY) -m bench.edit --save
	$(PY) -m bench.readme

## data: regenerate the derived curated tables (tasks.csv) from the raw plan text
data: $(VENV)/.runtime
	$(PY) -m metrics.build_tasks

## editor: create an editor account in the store (asks for the password)
editor: $(VENV)/.runtime
	@read -p "用户名: " name && $(PY) -m store add-editor "$$name"

.PHONY: help run serve web-deps font-deps browser-deps db-deps lint format test smoke bench data editor
