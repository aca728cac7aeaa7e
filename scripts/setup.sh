#!/usr/bin/env bash
# Builds what is missing of the bench, step by step; every step is idempotent.
#   scripts/setup.sh            all steps (system, sources, python, node, config, db)
#   scripts/setup.sh STEP ...   only these steps
source "$(dirname "$0")/lib.sh"

step_system() {
	local missing=()
	command -v git >/dev/null || missing+=(git)
	command -v curl >/dev/null || missing+=(curl ca-certificates)
	command -v "$MQ_PYTHON" >/dev/null || missing+=(python3)
	"$MQ_PYTHON" -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv python3-dev)
	command -v gcc >/dev/null || missing+=(build-essential)
	command -v pkg-config >/dev/null || missing+=(pkg-config)
	command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf) # print to PDF
	command -v mariadb >/dev/null || command -v mysql >/dev/null || missing+=(mariadb-client)
	port_open "$MQ_DB_HOST" "$MQ_DB_PORT" || missing+=(mariadb-server)
	port_open 127.0.0.1 6379 || missing+=(redis-server)
	if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
		missing+=(nodejs npm)
	fi
	if [ ${#missing[@]} -gt 0 ]; then
		log "installing system packages: ${missing[*]}"
		apt_install "${missing[@]}"
	fi
	if ! port_open "$MQ_DB_HOST" "$MQ_DB_PORT"; then
		log "starting MariaDB"
		as_root service mariadb start 2>/dev/null ||
			as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
		for _ in $(seq 30); do port_open "$MQ_DB_HOST" "$MQ_DB_PORT" && break; sleep 1; done
	fi
	if ! port_open 127.0.0.1 6379; then
		log "starting Redis"
		as_root service redis-server start 2>/dev/null || redis-server --daemonize yes --save "" --appendonly no
	fi
	if ! command -v yarn >/dev/null; then
		log "installing yarn 1"
		if is_root; then npm install -g --silent yarn@1; else npm install -g --silent --prefix "$HOME/.local" yarn@1; fi
	fi
	if ! command -v uv >/dev/null; then
		log "installing uv"
		"$MQ_PYTHON" -m pip install --quiet --user uv 2>/dev/null ||
			"$MQ_PYTHON" -m pip install --quiet --user --break-system-packages uv
	fi
}

# Frappe and ERPNext come from a bare-repository cache; an empty cache is filled from upstream.
clone_app() {
	local app=$1 url=$2 branch=$3 cache="$MQ_SOURCE_CACHE/$1"
	if [ ! -d "$cache" ]; then
		log "filling the source cache: $url ($branch) -> $cache"
		mkdir -p "$MQ_SOURCE_CACHE"
		git clone --quiet --bare --single-branch --branch "$branch" "$url" "$cache"
	fi
	if [ ! -d "apps/$app/.git" ]; then
		log "cloning $app ($branch) from the source cache"
		rm -rf "apps/$app"
		git clone --quiet --depth 1 --branch "$branch" "file://$cache" "apps/$app"
	fi
}

step_sources() {
	clone_app frappe "$FRAPPE_REPO_URL" "$FRAPPE_BRANCH"
	clone_app erpnext "$ERPNEXT_REPO_URL" "$ERPNEXT_BRANCH"
	scripts/pins.sh apps/frappe
}

step_python() {
	if [ ! -x env/bin/python ]; then
		log "creating the virtualenv env/"
		uv venv --quiet --seed --python "$MQ_PYTHON" env
	fi
	local stamp=env/.mq-installed want
	want=$(cat apps/frappe/pyproject.toml apps/erpnext/pyproject.toml apps/mehrwert_quartier/pyproject.toml \
		scripts/requirements-dev.txt | sha1sum | cut -c1-12)
	if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
		log "installing Python packages into env/"
		uv pip install --quiet --python env/bin/python "setuptools<70" \
			-e apps/frappe -e apps/erpnext -e apps/mehrwert_quartier -r scripts/requirements-dev.txt
		echo "$want" >"$stamp"
	fi
	# the app folder works like a checkout of its own: `env/bin/ruff` from apps/mehrwert_quartier (gitignored)
	ln -sfn ../../env apps/mehrwert_quartier/env
	if [ ! -x "$MQ_BENCH_CLI" ]; then
		log "installing the bench CLI (frappe-bench) into $MQ_CACHE_DIR/tools"
		UV_TOOL_DIR="$MQ_CACHE_DIR/tools" UV_TOOL_BIN_DIR="$(dirname "$MQ_BENCH_CLI")" \
			uv tool install --quiet --python "$MQ_PYTHON" "frappe-bench~=5.25"
	fi
}

step_node() {
	local app
	for app in frappe erpnext; do
		if [ ! -d "apps/$app/node_modules" ] || [ "apps/$app/package.json" -nt "apps/$app/node_modules" ]; then
			log "installing JavaScript packages of $app"
			(cd "apps/$app" && yarn install --silent --non-interactive --network-timeout 600000 --ignore-engines)
			touch "apps/$app/node_modules"
		fi
	done
}

# Frappe keeps bench-wide keys (assets.json, job queues) unprefixed in Redis: every bench of this
# machine gets its own pair of Redis databases, registered in $MQ_CACHE_DIR/redis-slots.
# Another Redis server ($MQ_REDIS_URL) has a registry of its own.
redis_slot() {
	local reg="$MQ_CACHE_DIR/redis-slots" slot path
	[ "$MQ_REDIS_URL" = "redis://127.0.0.1:6379" ] || reg+="-$(printf '%s' "$MQ_REDIS_URL" | tr -c 'A-Za-z0-9' '_')"
	mkdir -p "$MQ_CACHE_DIR"; touch "$reg"
	slot=$(awk -F'\t' -v p="$BENCH_ROOT" '$2 == p {print $1}' "$reg")
	if [ -z "$slot" ]; then
		for slot in 0 1 2 3 4 5 6 7 ""; do
			[ -n "$slot" ] || die "all 8 Redis slots in $reg are taken by existing benches: remove a stale line"
			path=$(awk -F'\t' -v s="$slot" '$1 == s {print $2}' "$reg")
			if [ -z "$path" ] || [ ! -d "$path/sites" ]; then
				{ awk -F'\t' -v s="$slot" '$1 != s' "$reg"; printf '%s\t%s\n' "$slot" "$BENCH_ROOT"; } >"$reg.tmp"
				mv "$reg.tmp" "$reg"
				break
			fi
		done
	fi
	echo "$slot"
}

step_config() {
	mkdir -p logs config/pids sites
	local cfg=sites/common_site_config.json
	if [ ! -f "$cfg" ]; then
		local slot; slot=$(redis_slot)
		sed -e "s|@FRAPPE_USER@|$(id -un)|" -e "s|@HTTP_PORT@|$MQ_HTTP_PORT|" -e "s|@SOCKETIO_PORT@|$MQ_SOCKETIO_PORT|" \
			-e "s|@REDIS_CACHE@|$MQ_REDIS_URL/$((2 * slot))|" -e "s|@REDIS_QUEUE@|$MQ_REDIS_URL/$((2 * slot + 1))|" \
			sites/common_site_config.template.json >"$cfg"
	fi
	local name
	for name in "$MQ_SITE" "$MQ_TEST_SITE"; do
		grep -qE "^[^#]*[[:space:]]$name([[:space:]]|\$)" /etc/hosts 2>/dev/null ||
			{ echo "127.0.0.1 $name" | as_root tee -a /etc/hosts >/dev/null 2>&1 || true; }
	done
	cat >Procfile <<-EOF
		web: bench serve --port $MQ_HTTP_PORT --noreload
		socketio: node apps/frappe/socketio.js
		schedule: bench schedule
		worker: bench worker 1>> logs/worker.log 2>> logs/worker.error.log
	EOF
}

# A database user with a password for `bench new-site`: root over the local socket creates it.
step_db() {
	if [ -n "${MQ_DB_ADMIN_PASSWORD:-}" ]; then return; fi
	local pw
	if [ -s "$db_admin_password_file" ]; then pw=$(cat "$db_admin_password_file"); else
		pw=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-24)
	fi
	if ! mariadb -h "$MQ_DB_HOST" -P "$MQ_DB_PORT" -u "$MQ_DB_ADMIN_USER" -p"$pw" -e 'select 1' >/dev/null 2>&1; then
		log "creating the database admin user $MQ_DB_ADMIN_USER"
		local h sql=""
		for h in localhost 127.0.0.1; do
			sql+="CREATE USER IF NOT EXISTS '$MQ_DB_ADMIN_USER'@'$h' IDENTIFIED BY '$pw';"
			sql+="ALTER USER '$MQ_DB_ADMIN_USER'@'$h' IDENTIFIED BY '$pw';"
			sql+="GRANT ALL PRIVILEGES ON *.* TO '$MQ_DB_ADMIN_USER'@'$h' WITH GRANT OPTION;"
		done
		as_root mariadb -e "$sql FLUSH PRIVILEGES;" || die "cannot reach MariaDB as root over the local socket; \
set MQ_DB_ADMIN_USER and MQ_DB_ADMIN_PASSWORD to an account that may create databases"
	fi
	mkdir -p "$(dirname "$db_admin_password_file")"
	(umask 077 && printf '%s' "$pw" >"$db_admin_password_file")
}

steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(system sources python node config db)
for s in "${steps[@]}"; do "step_$s"; done
