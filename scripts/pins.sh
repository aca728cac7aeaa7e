#!/usr/bin/env bash
# Frappe v15 pins two packages to GitHub, which a network limited to the package registries cannot reach:
#   - air-datepicker: `github:frappe/air-datepicker`, Frappe's fork that adds seconds to the time picker.
#     It always comes from the source cache ($MQ_SOURCE_CACHE/air-datepicker, a bare repository filled
#     from upstream when empty), packed at the commit the cache holds and installed as a local tarball.
#     The registry's air-datepicker 2.2.3 is a different package (it breaks every Datetime field).
#   - gunicorn: a git URL; when GitHub is out of reach (or MQ_REGISTRY_PINS=always) PyPI's gunicorn 23.
# Idempotent: run after cloning apps/frappe.
#   scripts/pins.sh apps/frappe
source "$(dirname "$0")/lib.sh"
app=${1:?usage: pins.sh apps/frappe}
mode=${MQ_REGISTRY_PINS:-auto}
: "${AIR_DATEPICKER_REPO_URL:=https://github.com/frappe/air-datepicker.git}"

# air-datepicker: Frappe's fork from the source cache, as a tarball named by its commit
if grep -q '"air-datepicker": "github:frappe/air-datepicker"' "$app/package.json"; then
	cache="$MQ_SOURCE_CACHE/air-datepicker"
	if [ ! -d "$cache" ]; then
		log "filling the source cache: $AIR_DATEPICKER_REPO_URL -> $cache"
		git clone --quiet --bare "$AIR_DATEPICKER_REPO_URL" "$cache"
	fi
	rev=$(git -C "$cache" rev-parse --short=12 HEAD)
	tgz="$MQ_CACHE_DIR/npm/air-datepicker-frappe-$rev.tgz"
	if [ ! -s "$tgz" ]; then
		mkdir -p "$(dirname "$tgz")"
		git -C "$cache" archive --format=tar.gz --prefix=package/ -o "$tgz.tmp" HEAD && mv "$tgz.tmp" "$tgz"
	fi
	log "air-datepicker: Frappe's fork from the source cache ($rev)"
	sed -i -E "s|\"air-datepicker\": \"github:frappe/air-datepicker\"|\"air-datepicker\": \"file:$tgz\"|" \
		"$app/package.json"
fi

# gunicorn: PyPI's release when GitHub is out of reach
[ "$mode" = never ] && exit 0
grep -q 'gunicorn @ git+https://github.com/frappe/gunicorn' "$app/pyproject.toml" || exit 0
if [ "$mode" = auto ] && timeout 8 git ls-remote --heads https://github.com/frappe/gunicorn >/dev/null 2>&1; then
	exit 0
fi
log "GitHub out of reach: gunicorn from PyPI (23.x) instead of Frappe's git pin"
sed -i -E 's|"gunicorn @ git\+https://github.com/frappe/gunicorn@[0-9a-f]+"|"gunicorn~=23.0"|' "$app/pyproject.toml"
