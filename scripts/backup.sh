#!/usr/bin/env bash
# Backups with Frappe's own commands (docs/production.md: Backups).
#   scripts/backup.sh backup SITE               bench backup --with-files: database, public and private files,
#                                               site config into sites/SITE/private/backups/; prints the paths
#   scripts/backup.sh restore BACKUP NEWSITE    restore into a new site NEWSITE; BACKUP is the database file
#                                               (…-database.sql.gz) or its prefix (…/20261125_101500-mehrwert_localhost)
source "$(dirname "$0")/lib.sh"

backup() {
	local site=$1
	site_exists "$site" || die "no site $site"
	log "backup of $site (database, public and private files)"
	bench --site "$site" backup --with-files >"logs/backup-$site.log" 2>&1 ||
		{ tail -20 "logs/backup-$site.log" >&2; die "bench backup failed (logs/backup-$site.log)"; }
	# the file names printed by the command: database, config, public and private files
	grep -oE "sites/$site/private/backups/[^ ]+|\./$site/private/backups/[^ ]+" "logs/backup-$site.log" | sed 's|^\./|sites/|'
}

restore() {
	local backup=${1:-} site=${2:-} prefix db
	[ -n "$backup" ] && [ -n "$site" ] || die "usage: make restore BACKUP=sites/SITE/private/backups/STAMP-SITE SITE=new.site"
	site_exists "$site" && die "site $site exists: restore goes into a new site (drop it first: scripts/site.sh drop $site)"
	prefix=$(realpath -m "${backup%-database.sql.gz}")
	db="$prefix-database.sql.gz"
	[ -f "$db" ] || die "no database backup $db"
	local files=()
	[ -f "$prefix-files.tar" ] && files+=(--with-public-files "$prefix-files.tar")
	[ -f "$prefix-private-files.tar" ] && files+=(--with-private-files "$prefix-private-files.tar")
	log "restoring $db into the new site $site ${files[*]:+(with files)}"
	# the bench CLI wants an existing site: its config names the new database (as scripts/site.sh names it:
	# several benches share the server) and the password `restore` gives its database user
	local db_name db_password
	db_name="_$(printf '%s' "$BENCH_ROOT/$site" | sha1sum | cut -c1-16)"
	db_password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-16)
	mkdir -p "sites/$site"
	(umask 077 && printf '{"db_name": "%s", "db_password": "%s", "db_type": "mariadb"}\n' "$db_name" "$db_password" \
		>"sites/$site/site_config.json")
	bench --site "$site" --force restore "$db" "${files[@]}" --db-root-username "$MQ_DB_ADMIN_USER" \
		--db-root-password "$(db_admin_password)" --admin-password "$MQ_ADMIN_PASSWORD" \
		>"logs/restore-$site.log" 2>&1 || {
		tail -20 "logs/restore-$site.log" >&2
		die "bench restore failed (logs/restore-$site.log)"
	}
	# encrypted fields (passwords, second-factor secrets) need the original site's key
	local key
	key=$(env/bin/python -c 'import json,sys; print(json.load(open(sys.argv[1])).get("encryption_key", ""))' \
		"$prefix-site_config_backup.json" 2>/dev/null || true)
	[ -z "$key" ] || bench --site "$site" set-config -- encryption_key "$key" >/dev/null # a key may start with "-"
	bench --site "$site" migrate >>"logs/restore-$site.log" 2>&1 || die "migrate after restore failed"
	grep -qE "^[^#]*[[:space:]]$site([[:space:]]|\$)" /etc/hosts 2>/dev/null ||
		{ echo "127.0.0.1 $site" | as_root tee -a /etc/hosts >/dev/null 2>&1 || true; }
	log "restored into $site"
}

"$@"
