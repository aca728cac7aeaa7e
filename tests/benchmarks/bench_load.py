"""Load benchmark (`make benchmark`, issue 16): Locust as a library against the production server
(scripts/serve.sh: nginx, gunicorn, socket.io, workers) on 127.0.0.1, bounded in time. Prints figures and
never fails on speed.

30 staff users work the desk (list views with filters, open and save forms, search, the ESF report) and
5 partners upload workbooks (dry run), for MQ_LOAD_SECONDS (120 s), while a 20,000-row valid-rows-only
background import runs on the server's long-queue worker. Prints requests per second, p50/p95/p99 per
request kind and the errors.
"""

from gevent import monkey

monkey.patch_all()

import base64  # noqa: E402
import datetime  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
from locust import HttpUser, between, task  # noqa: E402
from locust.env import Environment  # noqa: E402

BENCH_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BENCH_ROOT / "apps" / "mehrwert_quartier"))
from mehrwert_quartier.security.otp import DEMO_OTP_SECRETS, totp  # noqa: E402

SITE = os.environ.get("MQ_LOAD_SITE") or os.environ.get("MQ_BENCH_SITE", "bench.mehrwert.localhost")
PORT = os.environ.get("MQ_LOAD_PORT", "8012")
HOST = f"http://{SITE}:{PORT}"
SECONDS = int(os.environ.get("MQ_LOAD_SECONDS", "120"))
STAFF_USERS, PARTNER_USERS = 30, 5
IMPORT_ROWS = int(os.environ.get("MQ_LOAD_IMPORT_ROWS", "20000"))
PASSWORD = "mwq-demo-2026"
STAFF = [u for u in DEMO_OTP_SECRETS if u.endswith("@mehrwert.example") and not u.startswith("datenschutz")]
PARTNER = "jobcenter@partner.example"
METHOD = "/api/method/"


def login(client, user: str, second_factor: bool):
	response = client.post(f"{METHOD}login", json={"usr": user, "pwd": PASSWORD}, name="login")
	data = response.json()
	if second_factor and data.get("verification"):
		client.post(f"{METHOD}login", json={"tmp_id": data["tmp_id"], "otp": totp(user)}, name="login")


class Staff(HttpUser):
	weight = STAFF_USERS
	wait_time = between(1, 3)

	def on_start(self):
		login(self.client, random.choice(STAFF), second_factor=True)
		self.names = self.list_participants() or []

	def list_participants(self, filters=None) -> list[str]:
		response = self.client.get(
			f"{METHOD}frappe.desk.reportview.get",
			params={
				"doctype": "Participant",
				"fields": json.dumps(["name", "first_name", "last_name", "postcode", "modified"]),
				"filters": json.dumps(filters or []),
				"order_by": "modified desc",
				"page_length": 20,
			},
			name="list Participant",
		)
		message = response.json().get("message") if response.ok else None
		if not message:
			return []
		keys = message["keys"]
		return [dict(zip(keys, row, strict=False))["name"] for row in message["values"]]

	@task(4)
	def list_with_filters(self):
		self.list_participants([["Participant", "postcode", "like", f"04{random.randint(1, 3)}%"]])

	@task(4)
	def open_form(self):
		if self.names:
			self.client.get(
				f"{METHOD}frappe.desk.form.load.getdoc",
				params={"doctype": "Participant", "name": random.choice(self.names)},
				name="open Participant",
			)

	@task(1)
	def save_form(self):
		if not self.names:
			return
		loaded = self.client.get(
			f"{METHOD}frappe.desk.form.load.getdoc",
			params={"doctype": "Participant", "name": random.choice(self.names)},
			name="open Participant",
		)
		if not loaded.ok:
			return
		doc = loaded.json()["docs"][0]
		with self.client.post(
			f"{METHOD}frappe.desk.form.save.savedocs",
			data={"doc": json.dumps(doc), "action": "Save"},
			name="save Participant",
			catch_response=True,
		) as response:
			# two users saving the same record at once: Frappe's TimestampMismatchError, not a fault
			if response.status_code == 417 and "TimestampMismatch" in response.text:
				response.success()

	@task(2)
	def search(self):
		self.client.get(
			f"{METHOD}frappe.desk.search.search_link",
			params={"doctype": "Participant", "txt": random.choice(["Mül", "Sch", "an", "Le"])},
			name="search Participant",
		)

	@task(1)
	def esf_report(self):
		self.client.get(
			f"{METHOD}frappe.desk.query_report.run",
			params={"report_name": "ESF Plus Indicators", "filters": json.dumps({})},
			name="ESF report",
		)


def offers_csv(provider: str) -> str:
	rows = ["offer_title,provider,category"]
	rows += [f"Lastkurs {random.randint(1, 10**9)},{provider},Language" for _ in range(20)]
	return base64.b64encode("\n".join(rows).encode()).decode()


class Partner(HttpUser):
	weight = PARTNER_USERS
	wait_time = between(5, 10)

	def on_start(self):
		login(self.client, PARTNER, second_factor=False)
		providers = self.client.get(
			"/api/resource/Training Provider", params={"limit_page_length": 1}, name="partner providers"
		)
		data = providers.json().get("data") if providers.ok else None
		self.provider = data[0]["name"] if data else ""

	@task
	def upload(self):
		self.client.post(
			f"{METHOD}mehrwert_quartier.partner_exchange.api.upload",
			json={
				"import_doctype": "Training Offer",
				"filename": "angebote.csv",
				"filedata": offers_csv(self.provider),
			},
			name="partner upload (dry run)",
		)


def background_import() -> str:
	"""A 20,000-row valid-rows-only import as staff: the upload (dry run) and the import are queued jobs."""
	from mehrwert_quartier.partner_exchange.cli import Client
	from openpyxl import Workbook

	book = Workbook(write_only=True)
	sheet = book.create_sheet("Daten")
	sheet.append(["Vorname", "Nachname", "Geburtsdatum", "Postleitzahl"])
	last_name = f"Last{int(time.time())}"
	born = datetime.date(1940, 1, 1)
	for i in range(IMPORT_ROWS):
		sheet.append([f"Person{i}", last_name, born + datetime.timedelta(days=i), "04315"])
	path = Path("/tmp") / f"mq-load-{last_name}.xlsx"
	book.save(path)
	staff = Client(HOST)
	staff.login(STAFF[0], PASSWORD, otp=lambda: totp(STAFF[0]))
	batch = staff.upload("Participant", path, valid_rows_only=True, import_rows=True)
	return f"{batch['name']} ({IMPORT_ROWS} rows, queued: {batch.get('queued')})"


def report(env, seconds: float, batch: str):
	stats = env.stats
	print(f"\nload: {STAFF_USERS} staff + {PARTNER_USERS} partners, {seconds:.0f} s against {HOST}")
	print(f"background import during the run: {batch}")
	print(f"{'request':28} {'count':>7} {'errors':>6} {'req/s':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
	for entry in sorted(stats.entries.values(), key=lambda e: e.name):
		print(
			f"{entry.name:28} {entry.num_requests:7d} {entry.num_failures:6d} "
			f"{entry.num_requests / seconds:6.1f} {entry.get_response_time_percentile(0.5):7.0f} "
			f"{entry.get_response_time_percentile(0.95):7.0f} {entry.get_response_time_percentile(0.99):7.0f}"
		)
	total = stats.total
	print(
		f"{'total':28} {total.num_requests:7d} {total.num_failures:6d} {total.num_requests / seconds:6.1f} "
		f"{total.get_response_time_percentile(0.5):7.0f} {total.get_response_time_percentile(0.95):7.0f} "
		f"{total.get_response_time_percentile(0.99):7.0f}"
	)
	for error in stats.errors.values():
		print(f"error: {error.occurrences} x {error.method} {error.name}: {str(error.error)[:200]}")


def main():
	started_here = subprocess.run(
		[str(BENCH_ROOT / "scripts/serve.sh"), "start", PORT], cwd=BENCH_ROOT, check=False
	).returncode
	if started_here != 0:
		sys.exit("the production server did not start")
	try:
		batch = background_import()
		env = Environment(user_classes=[Staff, Partner], host=HOST)
		runner = env.create_local_runner()
		runner.start(STAFF_USERS + PARTNER_USERS, spawn_rate=10)
		began = time.monotonic()
		gevent.sleep(SECONDS)
		runner.quit()
		report(env, time.monotonic() - began, batch)
	finally:
		subprocess.run([str(BENCH_ROOT / "scripts/serve.sh"), "stop", PORT], cwd=BENCH_ROOT, check=False)


if __name__ == "__main__":
	main()
