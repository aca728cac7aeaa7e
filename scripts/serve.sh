#!/usr/bin/env bash
# The production server of this bench, as Frappe runs in production, on one port of 127.0.0.1:
#   nginx (static assets and public files, /socket.io, everything else to gunicorn)
#   gunicorn frappe.app:application (workers: 2 x cores + 1, at most 9; MQ_GUNICORN_WORKERS)
#   node apps/frappe/socketio.js, `bench schedule`, RQ workers for the short, default and long queues
# gunicorn and socket.io listen on unix sockets under config/serve-PORT/, so one TCP port per server.
# Developer mode stays off (common_site_config.json) and DEV_SERVER unset: users see no tracebacks.
#
#   scripts/serve.sh                      `make serve`: prepare the demo site, serve in the foreground
#   scripts/serve.sh start PORT [test]    in the background (own process group); `test`: no scheduler and
#                                         no worker for the long queue (the live tests bring their own)
#   scripts/serve.sh stop PORT            stop a background server and everything it started
#   scripts/serve.sh config PORT [test]   only write config/serve-PORT/ (nginx.conf, Procfile)
#   scripts/serve.sh server-config        `make server-config`: Frappe's own `bench setup nginx` and
#                                         `bench setup supervisor` into config/ (nothing is installed)
source "$(dirname "$0")/lib.sh"

HONCHO="$MQ_CACHE_DIR/tools/frappe-bench/bin/honcho"

gunicorn_workers() {
	if [ -n "${MQ_GUNICORN_WORKERS:-}" ]; then echo "$MQ_GUNICORN_WORKERS"; return; fi
	local n=$((2 * $(nproc) + 1))
	echo $((n > 9 ? 9 : n))
}

# nginx as Frappe's own template (bench/config/templates/nginx.conf) has it, reduced to one listening port;
# the site is the Host header, as with `serve_default_site`.
nginx_conf() {
	local port=$1 dir=$2 name=$3 user=""
	is_root && user="user $(id -un) $(id -gn);"
	cat <<-EOF
		# written by scripts/serve.sh; a server install uses \`make server-config\` (config/nginx.conf)
		$user
		worker_processes 1;
		pid $dir/nginx.pid;
		error_log $BENCH_ROOT/logs/$name-nginx.error.log warn;
		events { worker_connections 1024; }
		http {
			include /etc/nginx/mime.types;
			default_type application/octet-stream;
			access_log $BENCH_ROOT/logs/$name-nginx.access.log;
			client_body_temp_path $dir/tmp/body;
			proxy_temp_path $dir/tmp/proxy;
			fastcgi_temp_path $dir/tmp/fastcgi;
			uwsgi_temp_path $dir/tmp/uwsgi;
			scgi_temp_path $dir/tmp/scgi;
			upstream frappe { server unix:$dir/gunicorn.sock fail_timeout=0; }
			upstream socketio { server unix:$dir/socketio.sock fail_timeout=0; }
			server {
				listen 127.0.0.1:$port default_server;
				server_name _;
				root $BENCH_ROOT/sites;
				proxy_buffer_size 128k;
				proxy_buffers 4 256k;
				proxy_busy_buffers_size 256k;
				add_header X-Frame-Options "SAMEORIGIN";
				add_header X-Content-Type-Options nosniff;
				add_header Referrer-Policy "same-origin, strict-origin-when-cross-origin";
				location /assets { try_files \$uri =404; add_header Cache-Control "max-age=31536000"; }
				location ~ ^/protected/(.*) { internal; try_files /\$host/\$1 =404; }
				location /socket.io {
					proxy_http_version 1.1;
					proxy_set_header Upgrade \$http_upgrade;
					proxy_set_header Connection "upgrade";
					proxy_set_header X-Frappe-Site-Name \$host;
					proxy_set_header Origin \$scheme://\$http_host;
					proxy_set_header Host \$host;
					proxy_pass http://socketio;
				}
				location / {
					rewrite ^(.+)/\$ \$1 permanent;
					rewrite ^(.+)/index\.html\$ \$1 permanent;
					rewrite ^(.+)\.html\$ \$1 permanent;
					location ~* ^/files/.*.(htm|html|svg|xml) {
						add_header Content-disposition "attachment";
						try_files /\$host/public/\$uri @webserver;
					}
					try_files /\$host/public/\$uri @webserver;
				}
				location @webserver {
					proxy_http_version 1.1;
					proxy_set_header X-Forwarded-For \$remote_addr;
					proxy_set_header X-Forwarded-Proto \$scheme;
					proxy_set_header X-Frappe-Site-Name \$host;
					proxy_set_header Host \$http_host;
					proxy_set_header X-Use-X-Accel-Redirect True;
					proxy_read_timeout 120;
					proxy_redirect off;
					proxy_pass http://frappe;
				}
				sendfile on;
				keepalive_timeout 15;
				client_max_body_size 50m;
				client_body_buffer_size 16K;
				gzip on;
				gzip_proxied any;
				gzip_types application/javascript application/json text/css text/plain image/svg+xml;
			}
		}
	EOF
}

# One line per process; each writes its own logs/NAME-*.log (`make serve`: NAME=serve).
procfile() {
	local dir=$1 name=$2 profile=$3 py="$BENCH_ROOT/env/bin/python" logs="$BENCH_ROOT/logs/$name"
	local frappe_cli="cd $BENCH_ROOT/sites && exec $py -m frappe.utils.bench_helper frappe"
	echo "nginx: exec nginx -p $dir -c $dir/nginx.conf -e $logs-nginx.error.log -g 'daemon off;'"
	echo "web: cd $BENCH_ROOT/sites && exec $BENCH_ROOT/env/bin/gunicorn -b unix:$dir/gunicorn.sock \
-w $(gunicorn_workers) --max-requests 5000 --max-requests-jitter 500 -t 120 --graceful-timeout 30 \
--preload frappe.app:application >>$logs-web.log 2>>$logs-web.error.log"
	echo "socketio: FRAPPE_SOCKETIO_UDS=$dir/socketio.sock exec node $BENCH_ROOT/apps/frappe/socketio.js \
>>$logs-socketio.log 2>&1"
	echo "worker_short: $frappe_cli worker --queue short,default >>$logs-worker.log 2>>$logs-worker.error.log"
	if [ "$profile" != test ]; then
		echo "worker_long: $frappe_cli worker --queue long,default,short >>$logs-worker.log 2>>$logs-worker.error.log"
		echo "schedule: $frappe_cli schedule >>$logs-schedule.log 2>>$logs-schedule.error.log"
	fi
}

config() {
	local port=$1 profile=${2:-full} dir="$BENCH_ROOT/config/serve-$1" name
	name=$([ "$profile" = test ] && echo "test-server-$port" || echo serve)
	command -v nginx >/dev/null || { log "installing nginx"; apt_install nginx-light; }
	mkdir -p "$dir/tmp" logs
	rm -f "$dir"/*.sock
	nginx_conf "$port" "$dir" "$name" >"$dir/nginx.conf"
	procfile "$dir" "$name" "$profile" >"$dir/Procfile"
	nginx -t -q -p "$dir" -c "$dir/nginx.conf" -e "$BENCH_ROOT/logs/$name-nginx.error.log" ||
		die "nginx rejects $dir/nginx.conf"
}

# ready: gunicorn answers through nginx (a Frappe answer; nginx's own are 502/504 while gunicorn boots)
wait_ready() {
	local port=$1 seconds=${2:-120} code
	for _ in $(seq "$seconds"); do
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/api/method/ping" || true)
		case "$code" in 200 | 404) return 0 ;; esac
		sleep 1
	done
	return 1
}

start() {
	local port=$1 profile=${2:-full} dir="$BENCH_ROOT/config/serve-$1"
	port_open 127.0.0.1 "$port" && die "port $port is in use"
	config "$port" "$profile"
	setsid "$HONCHO" start -f "$dir/Procfile" -d "$BENCH_ROOT" >"$dir/honcho.log" 2>&1 </dev/null &
	echo $! >"$dir/honcho.pid"
	wait_ready "$port" || {
		tail -n 20 "$dir/honcho.log" logs/*"$port"-web.error.log >&2 || true
		stop "$port"
		return 1
	}
	log "production server on http://127.0.0.1:$port (pid $(cat "$dir/honcho.pid"), logs/*-$port-*.log)"
}

stop() {
	local port=$1 pidfile="$BENCH_ROOT/config/serve-$1/honcho.pid" pid
	[ -f "$pidfile" ] || return 0
	pid=$(cat "$pidfile")
	kill -TERM -- "-$pid" 2>/dev/null || true
	for _ in $(seq 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
	kill -KILL -- "-$pid" 2>/dev/null || true
	rm -f "$pidfile"
}

server_config() {
	# --skip-redis: Redis is the machine's service (common_site_config.json); --skip-supervisord: leave
	# /etc/supervisor alone; the files are for an administrator to link (docs/production.md)
	bench config set-common-config -c gunicorn_workers "$(gunicorn_workers)" >/dev/null
	bench setup nginx --yes >logs/server-config.log 2>&1 || { cat logs/server-config.log >&2; die "bench setup nginx failed"; }
	# `bench setup supervisor` without supervisor installed here: its generator, which the command calls
	"$(dirname "$HONCHO")/python" -c "import sys; from bench.config.supervisor import generate_supervisor_config as g; \
g('.', user=sys.argv[1], yes=True, skip_redis=True)" "$(id -un)" >>logs/server-config.log 2>&1 ||
		{ cat logs/server-config.log >&2; die "bench setup supervisor failed"; }
	log "written: config/nginx.conf, config/supervisor.conf (see docs/production.md: Server install)"
}

foreground() {
	port_open 127.0.0.1 "$MQ_HTTP_PORT" && die "port $MQ_HTTP_PORT is in use: is the server already running?"
	scripts/run.sh prepare
	config "$MQ_HTTP_PORT" full
	scripts/run.sh banner
	log "production server: nginx, gunicorn ($(gunicorn_workers) workers), socket.io, scheduler, workers; logs/serve-*.log"
	exec "$HONCHO" start -f "$BENCH_ROOT/config/serve-$MQ_HTTP_PORT/Procfile" -d "$BENCH_ROOT"
}

case "${1:-foreground}" in
	foreground) foreground ;;
	start | stop | config) "$@" ;;
	server-config) server_config ;;
	*) die "usage: serve.sh [start PORT [test] | stop PORT | config PORT [test]]" ;;
esac
