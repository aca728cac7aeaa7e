# Shared settings and helpers for the bench scripts. Sourced, never run.
# Every setting can be overridden from the environment (see README: Configuration).
set -euo pipefail

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$BENCH_ROOT"

: "${FRAPPE_BRANCH:=version-15}"
: "${ERPNEXT_BRANCH:=$FRAPPE_BRANCH}"
: "${FRAPPE_REPO_URL:=https://github.com/frappe/frappe.git}"
: "${ERPNEXT_REPO_URL:=https://github.com/frappe/erpnext.git}"
: "${MQ_CACHE_DIR:=${XDG_CACHE_HOME:-$HOME/.cache}/mehrwert-quartier}"
: "${MQ_SOURCE_CACHE:=$MQ_CACHE_DIR/src}"
: "${MQ_SITE:=mehrwert.localhost}"
: "${MQ_TEST_SITE:=test.mehrwert.localhost}"
: "${MQ_HTTP_PORT:=8000}"
# socket.io of this bench (one per bench: several benches on a machine must not share 9000)
: "${MQ_SOCKETIO_PORT:=$((MQ_HTTP_PORT + 1000))}"
: "${MQ_ADMIN_PASSWORD:=admin}"
: "${MQ_DB_HOST:=127.0.0.1}"
: "${MQ_DB_PORT:=3306}"
: "${MQ_DB_ADMIN_USER:=mq_bench_admin}"
: "${MQ_REDIS_URL:=redis://127.0.0.1:6379}"
: "${MQ_PYTHON:=python3}"
: "${MQ_BENCH_CLI:=$MQ_CACHE_DIR/bin/bench}"

export UV_CACHE_DIR="${UV_CACHE_DIR:-$MQ_CACHE_DIR/uv}"
export YARN_CACHE_FOLDER="${YARN_CACHE_FOLDER:-$MQ_CACHE_DIR/yarn}"
export PATH="$BENCH_ROOT/env/bin:$(dirname "$MQ_BENCH_CLI"):$HOME/.local/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
export CI="${CI:-}"

log() { printf '\033[1;34m[mq]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[mq] error:\033[0m %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command with root rights: directly as root, through sudo otherwise.
as_root() {
	if is_root; then "$@"; else sudo -n "$@" 2>/dev/null || sudo "$@"; fi
}

apt_updated=""
apt_install() {
	command -v apt-get >/dev/null || die "apt-get not found: install $* by hand"
	if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
	as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

bench() { "$MQ_BENCH_CLI" "$@"; }

# one password per user, shared by every bench of that user (they share the database admin account)
db_admin_password_file="$MQ_CACHE_DIR/db-admin-password"
db_admin_password() {
	if [ -n "${MQ_DB_ADMIN_PASSWORD:-}" ]; then printf '%s' "$MQ_DB_ADMIN_PASSWORD"; return; fi
	[ -s "$db_admin_password_file" ] || die "no database admin yet: run 'make setup'"
	cat "$db_admin_password_file"
}

site_exists() { [ -f "$BENCH_ROOT/sites/$1/site_config.json" ]; }
