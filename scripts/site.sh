#!/usr/bin/env bash
# Site life cycle on the bench.
#   scripts/site.sh create SITE     new site with ERPNext and the app, ERPNext setup completed, German
#   scripts/site.sh bare SITE       new site with ERPNext and the app, setup left to ERPNext's test runner
#   scripts/site.sh demo SITE       load the demo data once
#   scripts/site.sh drop SITE       drop a site and its database
#   scripts/site.sh second SITE     `make second-site`: another programme site on this bench (create, in
#                                   /etc/hosts when allowed); `make serve` serves it by its host name
source "$(dirname "$0")/lib.sh"

create() {
	local site=$1
	if site_exists "$site"; then return; fi
	bare "$site"
	log "completing the ERPNext setup on $site (company, fiscal year, EUR, Germany, German)"
	bench --site "$site" execute mehrwert_quartier.setup.erpnext_setup.complete_setup
	# scheduled jobs (search index, reminders, the app's daily jobs) run under `bench start` (Procfile)
	bench --site "$site" enable-scheduler >/dev/null
}

bare() {
	local site=$1
	if site_exists "$site"; then return; fi
	log "creating site $site (Frappe, ERPNext, mehrwert_quartier)"
	# Frappe names the database after the site alone: benches sharing a server would collide, so the name
	# also depends on the bench; --force replaces a database a removed bench at this path left behind.
	local db_name; db_name="_$(printf '%s' "$BENCH_ROOT/$site" | sha1sum | cut -c1-16)"
	bench new-site "$site" --db-name "$db_name" --force --db-root-username "$MQ_DB_ADMIN_USER" --db-root-password "$(db_admin_password)" \
		--db-host "$MQ_DB_HOST" --db-port "$MQ_DB_PORT" --admin-password "$MQ_ADMIN_PASSWORD" \
		--install-app erpnext --install-app mehrwert_quartier >"logs/new-site-$site.log" 2>&1 ||
		{
			tr '\r' '\n' <"logs/new-site-$site.log" | grep -v '^Updating DocTypes' | tail -30 >&2
			drop "$site" || true
			die "bench new-site $site failed (log: logs/new-site-$site.log)"
		}
}

demo() {
	log "loading demo data into $1"
	bench --site "$1" execute mehrwert_quartier.demo.load
}

second() {
	create "$1"
	grep -qE "^[^#]*[[:space:]]$1([[:space:]]|\$)" /etc/hosts 2>/dev/null ||
		{ echo "127.0.0.1 $1" | as_root tee -a /etc/hosts >/dev/null 2>&1 || true; }
	log "site $1 is ready: http://$1:$MQ_HTTP_PORT/app (make serve), Administrator / $MQ_ADMIN_PASSWORD"
}

drop() {
	[ -d "sites/$1" ] || return 0
	# a folder without a config is what a failed restore leaves: no database to drop
	site_exists "$1" || { rm -rf "sites/${1:?}"; return 0; }
	log "dropping site $1"
	bench drop-site "$1" --force --no-backup --db-root-username "$MQ_DB_ADMIN_USER" \
		--db-root-password "$(db_admin_password)" >/dev/null
}

"$1" "${2:-$MQ_SITE}"
