"""A private MariaDB and Redis for the fault tests, so that a test may restart them: the machine's MariaDB
(3306) and Redis (6379) serve other benches and the CI and are never touched.

``PrivateBench`` starts ``mariadbd`` (a fresh datadir from ``mariadb-install-db``) and ``redis-server`` (with the
directives of Frappe's own ``redis_queue.conf``: an RDB snapshot, written at shutdown) on their own ports under
one temporary folder, copies the test site's database into that MariaDB (``mariadb-dump``, read-only on the
shared server) and lays out a sites folder of its own: ``common_site_config.json`` with the private Redis as
``redis_queue``/``redis_cache``, the site's config with the private MariaDB. Frappe's commands run with that
folder as their working directory (``python -m frappe.utils.bench_helper frappe …``), as the bench runs them
from ``sites/``. ``close()`` ends every process it started (by process group) and removes the folder.
"""

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pymysql

BENCH_ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(BENCH_ROOT / "env" / "bin" / "python")
DB_PORT = int(os.environ.get("MQ_FAULT_DB_PORT", "3317"))
REDIS_PORT = int(os.environ.get("MQ_FAULT_REDIS_PORT", "6417"))
STAFF = "projektleitung@mehrwert.example"
UPLOAD = """
import base64, json, pathlib
from mehrwert_quartier.partner_exchange.api import upload
path = pathlib.Path(sys.argv[2])
result = upload("Participant", path.name, base64.b64encode(path.read_bytes()).decode(), valid_rows_only=True)
frappe.db.commit()
print(result["name"])
"""
LOST = """
import json
from mehrwert_quartier.partner_exchange.lost_jobs import report_lost_jobs
print(json.dumps(report_lost_jobs(minutes=0)))
"""
IMPORT = """
frappe.get_doc("Import Batch", sys.argv[2]).import_rows()
frappe.db.commit()
"""


# program: the Debian package that brings it
PROGRAMS = {
	"mariadb-install-db": "mariadb-server",
	"mariadbd": "mariadb-server",
	"mariadb-dump": "mariadb-client",
	"mariadb": "mariadb-client",
	"redis-server": "redis-server",
}


def missing_programs() -> list[str]:
	return [
		f"{program} (apt-get install {package})"
		for program, package in PROGRAMS.items()
		if not shutil.which(program)
	]


def wait_for(check, seconds: float, what: str, step: float = 0.5):
	"""``check()``'s first truthy value within ``seconds``, else an AssertionError naming ``what``."""
	deadline = time.monotonic() + seconds
	while True:
		value = check()
		if value:
			return value
		if time.monotonic() > deadline:
			raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")
		time.sleep(step)


def port_free(port: int) -> bool:
	import socket

	with socket.socket() as s:
		return s.connect_ex(("127.0.0.1", port)) != 0


def stop_group(process: subprocess.Popen | None, seconds: float = 30):
	"""SIGTERM to the process group a Popen(start_new_session=True) made, SIGKILL after ``seconds``."""
	if process is None or process.poll() is not None:
		return
	try:
		os.killpg(process.pid, signal.SIGTERM)
		process.wait(timeout=seconds)
	except subprocess.TimeoutExpired:
		os.killpg(process.pid, signal.SIGKILL)
		process.wait(timeout=10)
	except ProcessLookupError:
		pass


class PrivateBench:
	def __init__(self, source_site: str):
		self.source_site = source_site
		source = json.loads((BENCH_ROOT / "sites" / source_site / "site_config.json").read_text())
		self.source_config = source
		self.db_name = source["db_name"]
		self.site = f"faults.{source_site}"
		self.root = Path(tempfile.mkdtemp(prefix="mq-faults-"))
		self.datadir = self.root / "mariadb"
		self.socket = self.root / "mariadb.sock"
		self.redis_dir = self.root / "redis"
		self.sites = self.root / "sites"
		self.logs = self.root / "logs"
		self.logs.mkdir()
		self.mariadb: subprocess.Popen | None = None
		self.redis: subprocess.Popen | None = None
		self.workers: list[subprocess.Popen] = []

	# --- MariaDB -----------------------------------------------------------------------------------------
	def start_mariadb(self):
		assert port_free(DB_PORT), f"port {DB_PORT} is taken (MQ_FAULT_DB_PORT)"
		if not self.datadir.exists():
			subprocess.run(
				[
					"mariadb-install-db",
					"--no-defaults",
					f"--datadir={self.datadir}",
					"--user=root" if os.geteuid() == 0 else f"--user={os.environ.get('USER', '')}",
					"--auth-root-authentication-method=normal",
					"--skip-test-db",
				],
				check=True,
				capture_output=True,
				timeout=120,
			)
		self.mariadb = subprocess.Popen(
			[
				"mariadbd",
				"--no-defaults",
				f"--datadir={self.datadir}",
				f"--socket={self.socket}",
				f"--port={DB_PORT}",
				"--bind-address=127.0.0.1",
				f"--pid-file={self.root / 'mariadb.pid'}",
				f"--log-error={self.logs / 'mariadb.err'}",
				*(["--user=root"] if os.geteuid() == 0 else []),
				"--skip-name-resolve",
				"--skip-log-bin",
				"--character-set-server=utf8mb4",
				"--collation-server=utf8mb4_unicode_ci",
				"--innodb-buffer-pool-size=256M",
				"--innodb-flush-log-at-trx-commit=2",  # speed; a restart here is a clean shutdown
			],
			start_new_session=True,
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
		)
		wait_for(self.mariadb_answers, 60, "the private MariaDB to start")

	def mariadb_answers(self) -> bool:
		try:
			self.root_sql("select 1")
			return True
		except pymysql.Error:
			assert self.mariadb.poll() is None, (self.logs / "mariadb.err").read_text()[-2000:]
			return False

	def restart_mariadb(self):
		"""What ``systemctl restart mariadb`` does: SIGTERM (connections are cut, open transactions rolled
		back, the server shuts down cleanly), then start again on the same datadir."""
		stop_group(self.mariadb, seconds=60)
		self.start_mariadb()

	def root_sql(self, query: str, *args, database: str | None = None):
		connection = pymysql.connect(
			unix_socket=str(self.socket), user="root", database=database, connect_timeout=5
		)
		try:
			with connection.cursor() as cursor:
				cursor.execute(query, args)  # always formatted: %% is a literal %
				result = cursor.fetchall()
			connection.commit()
			return result
		finally:
			connection.close()

	def sql(self, query: str, *args):
		"""A query on the site's database in the private MariaDB (a new connection each time: it restarts)."""
		return self.root_sql(query, *args, database=self.db_name)

	def copy_database(self):
		"""The source site's database into the private MariaDB, with the site's own user and password."""
		db, password = self.db_name, self.source_config["db_password"]
		self.root_sql(f"create database `{db}` character set utf8mb4 collate utf8mb4_unicode_ci")
		self.root_sql(f"create user '{db}'@'%%' identified by %s", password)
		self.root_sql(f"grant all privileges on `{db}`.* to '{db}'@'%%'")
		host = self.source_config.get("db_host") or "127.0.0.1"
		port = str(self.source_config.get("db_port") or 3306)
		dump = subprocess.Popen(
			[
				"mariadb-dump",
				f"--host={host}",
				f"--port={port}",
				f"--user={db}",
				"--single-transaction",
				"--quick",
				"--skip-lock-tables",
				"--no-tablespaces",
				db,
			],
			env={**os.environ, "MYSQL_PWD": password},
			stdout=subprocess.PIPE,
			stderr=open(self.logs / "dump.err", "w"),
		)
		load = subprocess.run(
			["mariadb", f"--socket={self.socket}", "--user=root", db],
			stdin=dump.stdout,
			capture_output=True,
			timeout=600,
		)
		dump.stdout.close()
		assert dump.wait(timeout=60) == 0, (self.logs / "dump.err").read_text()[-2000:]
		assert load.returncode == 0, load.stderr.decode()[-2000:]

	# --- Redis -------------------------------------------------------------------------------------------
	def start_redis(self):
		assert port_free(REDIS_PORT), f"port {REDIS_PORT} is taken (MQ_FAULT_REDIS_PORT)"
		self.redis_dir.mkdir(exist_ok=True)
		config = self.redis_dir / "redis_queue.conf"
		# the directives of Frappe's bench/config/templates/redis_queue.conf (Redis' default snapshots)
		config.write_text(
			f"dbfilename redis_queue.rdb\ndir {self.redis_dir}\npidfile {self.redis_dir}/redis_queue.pid\n"
			f"bind 127.0.0.1\nport {REDIS_PORT}\nlogfile {self.logs / 'redis.log'}\n"
		)
		self.redis = subprocess.Popen(
			["redis-server", str(config)],
			start_new_session=True,
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
		)
		wait_for(self.redis_answers, 30, "the private Redis to start")

	def redis_answers(self) -> bool:
		import redis

		try:
			return redis.Redis(port=REDIS_PORT, socket_timeout=2).ping()
		except redis.exceptions.ConnectionError:
			assert self.redis.poll() is None, (self.logs / "redis.log").read_text()[-2000:]
			return False

	def restart_redis(self, snapshot: bool = True):
		"""SIGTERM (Redis writes its snapshot and exits, as ``systemctl restart`` has it), then start again.
		``snapshot=False``: without the snapshot, as a Redis without persistence (``save ""``, like this
		machine's) or after a crash comes back: empty."""
		stop_group(self.redis, seconds=60)
		if not snapshot:
			(self.redis_dir / "redis_queue.rdb").unlink(missing_ok=True)
		self.start_redis()

	# --- the sites folder --------------------------------------------------------------------------------
	def make_sites(self):
		real = BENCH_ROOT / "sites"
		self.sites.mkdir()
		shutil.copy(real / "apps.txt", self.sites / "apps.txt")
		(self.sites / "assets").symlink_to(real / "assets")
		common = json.loads((real / "common_site_config.json").read_text())
		redis_url = f"redis://127.0.0.1:{REDIS_PORT}"
		common.update(
			redis_cache=f"{redis_url}/0",
			redis_queue=f"{redis_url}/1",
			redis_socketio=f"{redis_url}/1",
			db_host="127.0.0.1",
			db_port=DB_PORT,
		)
		(self.sites / "common_site_config.json").write_text(json.dumps(common, indent=1))
		site = self.sites / self.site
		for folder in ("private/files", "private/backups", "public/files", "locks", "logs"):
			(site / folder).mkdir(parents=True)
		config = {**self.source_config, "db_host": "127.0.0.1", "db_port": DB_PORT}
		(site / "site_config.json").write_text(json.dumps(config, indent=1))

	def frappe(self, *args: str, timeout: int = 300) -> str:
		"""A Frappe command on the private site, as ``bench --site SITE …`` runs it."""
		result = subprocess.run(
			[PYTHON, "-m", "frappe.utils.bench_helper", "frappe", "--site", self.site, *args],
			cwd=self.sites,
			capture_output=True,
			text=True,
			timeout=timeout,
			stdin=subprocess.DEVNULL,
		)
		assert result.returncode == 0, (
			f"frappe {' '.join(args)}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
		)
		return result.stdout

	def python(self, code: str, *args: str, timeout: int = 300) -> str:
		"""``code`` with ``frappe`` connected to the private site as the demo project lead; prints what it prints."""
		prelude = (
			"import frappe, sys\n"
			"frappe.init(site=sys.argv[1], sites_path='.'); frappe.connect()\n"
			f"frappe.set_user({STAFF!r})\n"
		)
		result = subprocess.run(
			[PYTHON, "-c", prelude + code, self.site, *args],
			cwd=self.sites,
			capture_output=True,
			text=True,
			timeout=timeout,
			stdin=subprocess.DEVNULL,
		)
		assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
		return result.stdout

	def start_worker(self, queue: str = "long") -> subprocess.Popen:
		"""An RQ worker of the private bench (``bench worker --queue QUEUE``), its own process group."""
		log = open(self.logs / f"worker-{len(self.workers)}.log", "w")
		worker = subprocess.Popen(
			[PYTHON, "-m", "frappe.utils.bench_helper", "frappe", "worker", "--queue", queue],
			cwd=self.sites,
			start_new_session=True,
			stdout=log,
			stderr=subprocess.STDOUT,
			stdin=subprocess.DEVNULL,
		)
		self.workers.append(worker)
		return worker

	def stop_workers(self):
		for worker in self.workers:
			stop_group(worker)
		self.workers = []

	def worker_log(self) -> str:
		return "\n".join(p.read_text()[-3000:] for p in sorted(self.logs.glob("worker-*.log")))

	# --- an import on the private site ------------------------------------------------------------------
	def upload(self, workbook: Path) -> str:
		"""The workbook uploaded as the project lead, valid rows only (the portal's REST upload): the dry run of
		a file above ``runner.BACKGROUND_ROWS`` is queued. Returns the Import Batch."""
		return self.python(UPLOAD, str(workbook)).strip().splitlines()[-1]

	def import_rows(self, batch: str):
		"""*Import* on the batch (queued as a background job for a large file)."""
		self.python(IMPORT, batch)

	def report_lost_jobs(self) -> list[str]:
		"""The scheduled job of lost_jobs.py, run now (without its grace time)."""
		out = self.python(LOST, "")
		return json.loads(out.strip().splitlines()[-1])

	def batch(self, batch: str) -> dict:
		status, log = self.sql("select status, log from `tabImport Batch` where name = %s", batch)[0]
		return {"status": status, "log": log or ""}

	def wait_status(self, batch: str, wanted: set[str], seconds: float, since_log: int = 0) -> dict:
		"""The batch once its status is one of ``wanted`` and its log grew past ``since_log`` characters."""

		def reached():
			try:
				state = self.batch(batch)
			except pymysql.Error:  # the server is starting again
				return None
			return state if state["status"] in wanted and len(state["log"]) > since_log else None

		try:
			return wait_for(reached, seconds, f"{batch} to reach {sorted(wanted)}", step=1)
		except AssertionError as error:
			raise AssertionError(f"{error}\n{self.batch(batch)}\n{self.worker_log()}") from None

	def count(self, last_name: str) -> tuple[int, int]:
		"""(records, distinct people) of the workbook's participants (they share the last name)."""
		return self.sql(
			"select count(*), count(distinct first_name, date_of_birth) from tabParticipant where last_name = %s",
			last_name,
		)[0]

	def close(self):
		self.stop_workers()
		stop_group(self.redis)
		stop_group(self.mariadb, seconds=60)
		shutil.rmtree(self.root, ignore_errors=True)
