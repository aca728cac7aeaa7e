# mehrwert_quartier bench. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup site run serve server-config backup restore second-site stop test test-unit test-integration test-browser test-security benchmark lint format clean-test-site guide

help:
	@echo "make run        build what is missing, create the site with demo data, start the server"
	@echo "make serve      the same under the production server: nginx, gunicorn, socket.io, scheduler, workers"
	@echo "make server-config  nginx and supervisor configuration for a server install, into config/"
	@echo "make backup     bench backup --with-files of the site (MQ_SITE)"
	@echo "make restore BACKUP=sites/SITE/private/backups/STAMP SITE=new.site   restore into a new site"
	@echo "make second-site  a second programme site on this bench (MQ_SECOND_SITE)"
	@echo "make test       build what is missing, run all test layers on a throwaway test site"
	@echo "make benchmark  run the benchmarks in tests/benchmarks"
	@echo "make lint       ruff check and format check of the app"
	@echo "make guide      copy the user guide's pictures of the last browser run to docs/guide/img/"

setup:
	@scripts/setup.sh

site: setup
	@scripts/run.sh prepare

run: setup
	@scripts/run.sh

serve: setup
	@scripts/serve.sh

server-config: setup
	@scripts/serve.sh server-config

backup: setup
	@scripts/backup.sh backup "$${SITE:-$${MQ_SITE:-mehrwert.localhost}}"

restore: setup
	@scripts/backup.sh restore "$(BACKUP)" "$(SITE)"

second-site: setup
	@scripts/site.sh second "$${MQ_SECOND_SITE:-zweites.mehrwert.localhost}"

test: setup
	@scripts/test.sh

test-unit: setup
	@scripts/test.sh unit

test-integration: setup
	@scripts/test.sh integration

test-browser: setup
	@scripts/test.sh browser

test-security: setup
	@scripts/test.sh security

benchmark: setup
	@scripts/benchmark.sh

lint:
	@cd apps/mehrwert_quartier && ../../env/bin/ruff check . && ../../env/bin/ruff format --check .
	@env/bin/ruff check --config apps/mehrwert_quartier/pyproject.toml tests && env/bin/ruff format --check --config apps/mehrwert_quartier/pyproject.toml tests

format:
	@cd apps/mehrwert_quartier && ../../env/bin/ruff check --fix . && ../../env/bin/ruff format .
	@env/bin/ruff check --fix --config apps/mehrwert_quartier/pyproject.toml tests && env/bin/ruff format --config apps/mehrwert_quartier/pyproject.toml tests

clean-test-site:
	@scripts/site.sh drop "$${MQ_TEST_SITE:-test.mehrwert.localhost}"

# the browser layer takes the guide's pictures into $(MQ_RESULTS_DIR)/guide/ (never into the repository)
guide:
	@src="$${MQ_RESULTS_DIR:-.test-results}/guide"; \
	ls "$$src"/*.png >/dev/null 2>&1 || { echo "no pictures in $$src: run 'make test-browser' first"; exit 1; }; \
	mkdir -p docs/guide/img && cp "$$src"/*.png docs/guide/img/ && echo "copied $$(ls "$$src"/*.png | wc -l) pictures to docs/guide/img/"
