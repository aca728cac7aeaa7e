#!/usr/bin/env bash
# Frappe v15 pins three packages to places that a network limited to the package registries cannot
# reach: gunicorn from a git URL, air-datepicker from GitHub and frappe-charts 2.0.0-rc26 (gone from the
# npm registry). When GitHub is out of reach (or MQ_REGISTRY_PINS=always) they are swapped for the
# registry releases gunicorn 23, air-datepicker 2.2.3 and frappe-charts 2.0.0-rc27. Idempotent.
set -euo pipefail
app=${1:?usage: pins.sh apps/frappe}
mode=${MQ_REGISTRY_PINS:-auto}
[ "$mode" = never ] && exit 0
if ! grep -q 'git+https://github.com/frappe/gunicorn\|github:frappe/air-datepicker\|frappe-charts": "^2.0.0-rc26' \
	"$app/pyproject.toml" "$app/package.json"; then
	exit 0
fi
if [ "$mode" = auto ] && timeout 8 git ls-remote --heads https://github.com/frappe/gunicorn >/dev/null 2>&1; then
	exit 0
fi
echo "[mq] GitHub out of reach: using registry releases of gunicorn, air-datepicker, frappe-charts" >&2
sed -i -E 's|"gunicorn @ git\+https://github.com/frappe/gunicorn@[0-9a-f]+"|"gunicorn~=23.0"|' "$app/pyproject.toml"
sed -i -E -e 's|"air-datepicker": "github:frappe/air-datepicker"|"air-datepicker": "2.2.3"|' \
	-e 's|"frappe-charts": "\^2.0.0-rc26"|"frappe-charts": "2.0.0-rc27"|' "$app/package.json"
