#!/usr/bin/env bash
# `make run`: the first time creates the site with demo data and builds the assets; then starts the server.
#   scripts/run.sh            prepare (when needed) and start
#   scripts/run.sh prepare    only prepare
#   scripts/run.sh banner     only print the URL and the demo logins (scripts/serve.sh)
source "$(dirname "$0")/lib.sh"

# A hash of what a migrate reads: DocTypes, patches, hooks, workspace, fixtures of the app.
app_fingerprint() {
	(cd apps/mehrwert_quartier && git ls-files -s -- '*.json' '*.txt' 'mehrwert_quartier/hooks.py' 2>/dev/null;
		git -C "$BENCH_ROOT" diff -- apps/mehrwert_quartier) | sha1sum | cut -c1-12
}

prepare() {
	scripts/site.sh create "$MQ_SITE"
	local stamp="sites/$MQ_SITE/.mq-migrated" want
	want=$(app_fingerprint)
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" != "$want" ]; then
		log "the app changed since the last run: migrating $MQ_SITE and adding new demo data"
		bench --site "$MQ_SITE" migrate >logs/migrate.log 2>&1 || { tail -20 logs/migrate.log >&2; die "migrate failed"; }
		bench --site "$MQ_SITE" execute mehrwert_quartier.demo.load --kwargs "{'force': True}" >/dev/null
	elif ! bench --site "$MQ_SITE" execute frappe.db.get_default --args "['mq_demo_loaded']" 2>/dev/null | grep -q 1; then
		scripts/site.sh demo "$MQ_SITE"
	fi
	echo "$want" >"$stamp"
	# sites made before the scheduler was switched on by scripts/site.sh create
	bench --site "$MQ_SITE" execute frappe.utils.scheduler.is_scheduler_disabled 2>/dev/null | grep -q false ||
		bench --site "$MQ_SITE" enable-scheduler >/dev/null
	scripts/assets.sh
	[ "$(cat sites/currentsite.txt 2>/dev/null)" = "$MQ_SITE" ] || bench use "$MQ_SITE" >/dev/null
}

banner() {
	cat <<-EOF

		  MehrWertQuartier desk:  http://$MQ_SITE:$MQ_HTTP_PORT/app/mehrwertquartier

		  Demo logins (password for the demo users: mwq-demo-2026)
		    Administrator                     $MQ_ADMIN_PASSWORD
		    beratung@mehrwert.example         Counsellor (QS Arbeit)
		    coaching@mehrwert.example         Business Coach (QS Wirtschaft)
		    projektleitung@mehrwert.example   Project Lead
		    datenschutz@mehrwert.example      Data Protection Officer
		    jobcenter@partner.example         Programme Partner (portal: http://$MQ_SITE:$MQ_HTTP_PORT/me)

		  Staff log in with two-factor authentication: add each secret (or otpauth URI) to an
		  authenticator app and type its 6-digit code after the password (docs/security.md):
	EOF
	bench --site "$MQ_SITE" execute mehrwert_quartier.security.otp.print_demo_secrets 2>/dev/null | sed 's/^/    /'
	printf '\n  Stop with Ctrl+C.\n'
}

start() {
	port_open 127.0.0.1 "$MQ_HTTP_PORT" && die "port $MQ_HTTP_PORT is in use: is the server already running?"
	banner
	exec "$MQ_BENCH_CLI" start
}

case "${1:-all}" in
	prepare) prepare ;;
	banner) banner ;;
	all) prepare; start ;;
	*) die "usage: run.sh [prepare|banner]" ;;
esac
