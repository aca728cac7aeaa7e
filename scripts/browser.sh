#!/usr/bin/env bash
# Browser layer support.
#   scripts/browser.sh ensure             Debian's chromium and built desk assets
#   scripts/browser.sh run SITE XML [DIR] serve SITE with the demo data on $MQ_BROWSER_PORT under the
#                                         production server (scripts/serve.sh), run the pytest
#                                         tests in DIR (tests/browser; the security layer: tests/security)
#                                         against it, stop the server
source "$(dirname "$0")/lib.sh"
: "${MQ_BROWSER_PORT:=8011}"

ensure() {
	command -v chromium >/dev/null || { log "installing Debian's chromium"; apt_install chromium fonts-liberation; }
	scripts/assets.sh
}

run() {
	local site=$1 xml=$2 dir=${3:-tests/browser} rc=0
	log "loading demo data into $site for $dir"
	scripts/site.sh demo "$site" >/dev/null
	# the production server (scripts/serve.sh: nginx, gunicorn, socket.io, a short/default worker); the long
	# queue is worked by the live tests' own workers (tests/browser/test_live_worker.py kills one mid-way)
	scripts/serve.sh start "$MQ_BROWSER_PORT" test || return 1
	trap 'scripts/serve.sh stop "$MQ_BROWSER_PORT"' RETURN
	MQ_BASE_URL="http://$site:$MQ_BROWSER_PORT" env/bin/python -m pytest "$dir" -q -p no:cacheprovider \
		--junitxml="$xml" || rc=$?
	return $rc
}

"$@"
