"""Operations on the throwaway test site (backups, faults, many sites), driven by the bench's own scripts."""

import datetime
import json
import os
import subprocess
import uuid
from pathlib import Path

import pytest

BENCH_ROOT = Path(__file__).resolve().parents[2]


def run(*command: str, timeout: int = 900, cwd: Path = BENCH_ROOT) -> str:
	result = subprocess.run(
		command, cwd=cwd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
	)
	assert result.returncode == 0, (
		f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
	)
	return result.stdout


def bench(site: str, *args: str, timeout: int = 900) -> str:
	cli = os.environ.get("MQ_BENCH_CLI") or str(Path.home() / ".cache/mehrwert-quartier/bin/bench")
	return run(cli, "--site", site, *args, timeout=timeout)


def execute(site: str, method: str, **kwargs) -> object:
	"""``bench execute``: the method's return value (JSON)."""
	out = bench(site, "execute", method, *(["--kwargs", repr(kwargs)] if kwargs else []))
	return json.loads(out[out.index("{") :] if "{" in out else out or "null")


@pytest.fixture(scope="session")
def site() -> str:
	"""The test site with the demo data (loaded once; the browser layer finds it loaded)."""
	if not os.environ.get("MQ_TEST_SITE"):
		pytest.fail("MQ_TEST_SITE is not set: run through scripts/test.sh")
	name = os.environ["MQ_TEST_SITE"]
	run("scripts/site.sh", "demo", name)
	return name


@pytest.fixture(scope="session")
def server(site):
	"""The production server (scripts/serve.sh: nginx, gunicorn, socket.io) on $MQ_OPS_PORT, stopped after."""
	port = os.environ.get("MQ_OPS_PORT", "8012")
	run("scripts/serve.sh", "start", port, "test", timeout=300)
	yield f"http://{site}:{port}", port
	run("scripts/serve.sh", "stop", port)


PRIVATE_FILE = """
import frappe, sys
frappe.init(site=sys.argv[1], sites_path="."); frappe.connect()
frappe.get_doc({"doctype": "File", "file_name": sys.argv[2], "is_private": 1,
	"content": ("Einwilligung " + sys.argv[2]).encode()}).insert(ignore_permissions=True)
frappe.db.commit()
"""


@pytest.fixture(scope="session")
def restored(site):
	"""A second site on this bench: `make backup` of the test site (with one more private file), restored
	with `make restore` (dropped after the session). Yields the site and the backup's file names."""
	name = f"restored-{site}"
	run("scripts/site.sh", "drop", name)
	private_file = f"einwilligung-{uuid.uuid4().hex[:8]}.txt"
	run(str(BENCH_ROOT / "env/bin/python"), "-c", PRIVATE_FILE, site, private_file, cwd=BENCH_ROOT / "sites")
	paths = run("scripts/backup.sh", "backup", site).split()
	database = next(path for path in paths if path.endswith("-database.sql.gz"))
	run("scripts/backup.sh", "restore", database, name, timeout=1800)
	yield {"site": name, "paths": paths, "private_file": private_file}
	run("scripts/site.sh", "drop", name)


STAFF = "projektleitung@mehrwert.example"
DEMO_PASSWORD = "mwq-demo-2026"


def staff(base_url: str):
	from mehrwert_quartier.partner_exchange.cli import Client
	from mehrwert_quartier.security.otp import totp

	client = Client(base_url)
	client.login(STAFF, DEMO_PASSWORD, otp=lambda: totp(STAFF))
	return client


def participants(path: Path, count: int, last_name: str) -> Path:
	from openpyxl import Workbook

	book = Workbook(write_only=True)
	sheet = book.create_sheet("Daten")
	sheet.append(["Vorname", "Nachname", "Geburtsdatum", "Postleitzahl"])
	born = datetime.date(1960, 1, 1)
	for i in range(count):
		sheet.append([f"Person{i}", last_name, born + datetime.timedelta(days=i), "04315"])
	book.save(path)
	return path


def count_participants(client, last_name: str) -> int:
	response = client.call(
		"get",
		"/api/method/frappe.client.get_count",
		params={"doctype": "Participant", "filters": json.dumps({"last_name": last_name})},
	)
	return response.json()["message"]


@pytest.fixture(scope="session")
def private_bench(site):
	"""A copy of the test site on a private MariaDB and Redis that the fault tests may restart
	(private_services.py); every process it started is ended and its folder removed after the session."""
	from private_services import PrivateBench, missing_programs

	if missing := missing_programs():
		pytest.fail(f"the fault tests start their own MariaDB and Redis; missing: {', '.join(missing)}")
	bench = PrivateBench(site)
	try:
		bench.start_mariadb()
		bench.start_redis()
		bench.copy_database()
		bench.make_sites()
		yield bench
	finally:
		bench.close()
