#!/usr/bin/env bash
# Builds the desk assets (JS/CSS bundles) when they are missing or the sources changed (the bundles the
# build writes to public/dist are not sources).
source "$(dirname "$0")/lib.sh"
want=$( (cd apps && git -C frappe rev-parse HEAD && git -C erpnext rev-parse HEAD &&
	find mehrwert_quartier/mehrwert_quartier/public -path '*/dist' -prune -o -type f -printf '%P %s\n' | sort) | sha1sum | cut -c1-12)
stamp=sites/assets/.mq-built
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -f sites/assets/assets.json ]; then
	log "building desk assets (bench build)"
	bench build >logs/build.log 2>&1 || { tail -30 logs/build.log >&2; die "bench build failed (logs/build.log)"; }
	echo "$want" >"$stamp"
fi
