#!/usr/bin/env bash
# Runs the test layers and ends with one line "N passed, N failed" summed over them.
#   scripts/test.sh [unit] [integration] [browser] [security]     (default: all four)
# The integration, browser and security layers run on a throwaway site ($MQ_TEST_SITE), created fresh and dropped
# afterwards (keep it with MQ_KEEP_TEST_SITE=1).
source "$(dirname "$0")/lib.sh"
: "${MQ_BROWSER_PORT:=8011}"

RESULTS="${MQ_RESULTS_DIR:-$BENCH_ROOT/.test-results}"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
layers=("$@")
[ ${#layers[@]} -gt 0 ] || layers=(unit integration browser security)

# A layer that cannot run leaves a note: it counts as a failure in the summary.
could_not_run() { echo "$2" >"$RESULTS/$1.could-not-run"; log "layer $1 could not run: $2"; }

layer_unit() {
	log "layer 1: unit (pytest, no site)"
	env/bin/python -m pytest apps/mehrwert_quartier/tests -q -p no:cacheprovider \
		--junitxml="$RESULTS/unit.xml" || true
	[ -s "$RESULTS/unit.xml" ] || could_not_run unit "pytest wrote no report"
}

test_site_ready=""
ensure_test_site() {
	[ -n "$test_site_ready" ] && return 0
	scripts/site.sh drop "$MQ_TEST_SITE"
	scripts/site.sh create "$MQ_TEST_SITE" || return 1
	bench --site "$MQ_TEST_SITE" set-config allow_tests true >/dev/null
	# the scheduler stays enabled (as on every site) but paused: a `make run` of this bench runs no job here
	bench --site "$MQ_TEST_SITE" set-config pause_scheduler 1 >/dev/null
	# the desk's maps load no map tiles: the browser tests run without internet (docs/qs-wirtschaft.md, Map)
	bench --site "$MQ_TEST_SITE" set-config mq_map_tile_url none >/dev/null
	test_site_ready=1
}

layer_integration() {
	log "layer 2: integration (Frappe test runner on $MQ_TEST_SITE)"
	# print formats render with the built asset bundles
	scripts/assets.sh || { could_not_run integration "the desk assets could not be built"; return; }
	ensure_test_site || { could_not_run integration "test site $MQ_TEST_SITE could not be created"; return; }
	bench --site "$MQ_TEST_SITE" run-tests --app mehrwert_quartier \
		--junit-xml-output "$RESULTS/integration.xml" 2>&1 | tee "$RESULTS/integration.log" | grep -v '^\s*$' || true
	[ -s "$RESULTS/integration.xml" ] || could_not_run integration "the test runner wrote no report"
	erpnext_crm_tests
	log "layer 2: integration, app life cycle (migrate twice, uninstall, reinstall)"
	MQ_TEST_SITE="$MQ_TEST_SITE" MQ_BENCH_CLI="$MQ_BENCH_CLI" env/bin/python -m pytest tests/lifecycle -q \
		-p no:cacheprovider --junitxml="$RESULTS/integration-lifecycle.xml" || true
	[ -s "$RESULTS/integration-lifecycle.xml" ] || could_not_run integration "the life cycle tests wrote no report"
	log "layer 2: integration, operations (backup and restore, faults, a second site) in tests/ops"
	MQ_TEST_SITE="$MQ_TEST_SITE" MQ_BENCH_CLI="$MQ_BENCH_CLI" MQ_OPS_PORT="${MQ_OPS_PORT:-$((MQ_BROWSER_PORT + 1))}" \
		env/bin/python -m pytest tests/ops -q -p no:cacheprovider --junitxml="$RESULTS/integration-ops.xml" || true
	[ -s "$RESULTS/integration-ops.xml" ] || could_not_run integration "the operations tests wrote no report"
}

# ERPNext's own CRM tests with the app installed: its test records name English fixtures ("All Customer
# Groups", "Sales"), so they run on a second site that ERPNext's test runner sets up in English itself
erpnext_crm_tests() {
	local site="erpnext-$MQ_TEST_SITE"
	log "layer 2: integration, ERPNext's own CRM tests (Lead, Prospect, Opportunity, Customer) on $site with the app"
	scripts/site.sh drop "$site"
	scripts/site.sh bare "$site" || { could_not_run integration "site $site could not be created"; return; }
	bench --site "$site" set-config allow_tests true >/dev/null
	bench --site "$site" execute mehrwert_quartier.tests.erpnext_crm.prepare >/dev/null
	bench --site "$site" run-tests --doctype-list-path mehrwert_quartier/tests/erpnext_crm_doctypes.txt \
		--junit-xml-output "$RESULTS/integration-erpnext.xml" 2>&1 | tee "$RESULTS/integration-erpnext.log" |
		grep -v '^\s*$' || true
	[ -s "$RESULTS/integration-erpnext.xml" ] || could_not_run integration "ERPNext's CRM tests wrote no report"
	[ -n "${MQ_KEEP_TEST_SITE:-}" ] || scripts/site.sh drop "$site"
}

layer_browser() {
	log "layer 3: browser (Playwright + Debian chromium on $MQ_TEST_SITE)"
	scripts/browser.sh ensure || { could_not_run browser "chromium or the assets could not be installed"; return; }
	ensure_test_site || { could_not_run browser "test site $MQ_TEST_SITE could not be created"; return; }
	scripts/browser.sh run "$MQ_TEST_SITE" "$RESULTS/browser.xml" || true
	[ -s "$RESULTS/browser.xml" ] || could_not_run browser "pytest wrote no report"
}

layer_security() {
	log "layer 4: security (requests as every demo role against $MQ_TEST_SITE over HTTP)"
	scripts/assets.sh || { could_not_run security "the desk assets could not be built"; return; }
	ensure_test_site || { could_not_run security "test site $MQ_TEST_SITE could not be created"; return; }
	scripts/browser.sh run "$MQ_TEST_SITE" "$RESULTS/security.xml" tests/security || true
	[ -s "$RESULTS/security.xml" ] || could_not_run security "pytest wrote no report"
}

for layer in "${layers[@]}"; do "layer_$layer"; done
[ -n "${MQ_KEEP_TEST_SITE:-}" ] || { [ -z "$test_site_ready" ] || scripts/site.sh drop "$MQ_TEST_SITE"; }
exec env/bin/python scripts/summary.py "$RESULTS" "${layers[@]}"
