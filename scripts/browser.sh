#!/usr/bin/env bash
# Browser layer support.
#   scripts/browser.sh ensure             Debian's chromium and built desk assets
#   scripts/browser.sh run SITE XML [DIR] serve SITE with the demo data on $MQ_BROWSER_PORT, run the pytest
#                                         tests in DIR (tests/browser; the security layer: tests/security)
#                                         against it, stop the server
source "$(dirname "$0")/lib.sh"
: "${MQ_BROWSER_PORT:=8011}"

ensure() {
	command -v chromium >/dev/null || { log "installing Debian's chromium"; apt_install chromium fonts-liberation; }
	scripts/assets.sh
}

run() {
	local site=$1 xml=$2 dir=${3:-tests/browser} pid rc=0
	log "loading demo data into $site for $dir"
	scripts/site.sh demo "$site" >/dev/null
	(cd sites && exec ../env/bin/python -m frappe.utils.bench_helper frappe --site "$site" \
		serve --port "$MQ_BROWSER_PORT" --noreload >"$BENCH_ROOT/logs/test-server.log" 2>&1) &
	pid=$!
	trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' RETURN
	for _ in $(seq 60); do port_open 127.0.0.1 "$MQ_BROWSER_PORT" && break; sleep 1; done
	port_open 127.0.0.1 "$MQ_BROWSER_PORT" || { tail -20 logs/test-server.log >&2; return 1; }
	MQ_BASE_URL="http://$site:$MQ_BROWSER_PORT" env/bin/python -m pytest "$dir" -q -p no:cacheprovider \
		--junitxml="$xml" || rc=$?
	return $rc
}

"$@"
