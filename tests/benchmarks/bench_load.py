"""Load benchmark (`make benchmark`, issue 16): Locust as a library against the production server
(scripts/serve.sh: nginx, gunicorn, socket.io, workers) on 127.0.0.1, bounded in time. Prints figures and
never fails on speed.

30 staff users work the desk (list views with filters, open and save forms, search, the ESF report) and
5 partners open the portal and upload course offers (dry run), for MQ_LOAD_SECONDS (120 s), while a
20,000-row valid-rows-only background import runs on the server's long-queue worker (its dry run is waited
for before the load). One session per demo account, logged in one after another before the load. Prints
the machine's load average, requests per second, p50/p95/p99 per request kind and the errors
(docs/production.md: Load).
"""

from gevent import monkey

monkey.patch_all()

import base64
import datetime
import html
import itertools
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import gevent
import requests
from locust import HttpUser, between, task
from locust.env import Environment

BENCH_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BENCH_ROOT / "apps" / "mehrwert_quartier"))
from mehrwert_quartier.security.otp import DEMO_OTP_SECRETS, totp

SITE = os.environ.get("MQ_LOAD_SITE") or os.environ.get("MQ_BENCH_SITE", "bench.mehrwert.localhost")
PORT = os.environ.get("MQ_LOAD_PORT", "8012")
HOST = f"http://{SITE}:{PORT}"
SECONDS = int(os.environ.get("MQ_LOAD_SECONDS", "120"))
STAFF_USERS, PARTNER_USERS = 30, 5
IMPORT_ROWS = int(os.environ.get("MQ_LOAD_IMPORT_ROWS", "20000"))
DRY_RUN_SECONDS = int(os.environ.get("MQ_LOAD_DRY_RUN_SECONDS", "1200"))
PASSWORD = "mwq-demo-2026"
# the desk work below is QS Arbeit's (participants, the ESF report): counsellors and the project lead; the
# business coach and the data protection officer may not read participants (403 by design)
STAFF = ["beratung@mehrwert.example", "projektleitung@mehrwert.example"]
# the DAA is a partner organisation and a training provider: it uploads its course offers
PARTNER = "daa@partner.example"
STAFF_ACCOUNTS = itertools.cycle(STAFF)
IMPORTER = "projektleitung@mehrwert.example"
METHOD = "/api/method/"


def login(user: str, second_factor: bool) -> tuple[requests.cookies.RequestsCookieJar, float]:
	"""A session of ``user`` (with the TOTP code of the demo user) and the seconds the login took."""
	from mehrwert_quartier.partner_exchange.cli import Client

	began = time.monotonic()
	client = Client(HOST)
	client.login(user, PASSWORD, otp=(lambda: totp(user)) if second_factor else None)
	return client.session.cookies, time.monotonic() - began


# one session per demo account, logged in one after another before the load starts (main): the simulated
# users of an account share its session, as browser tabs of one person would. 30 logins at once within the
# same 30-second TOTP window made the first run measure refused logins instead of the desk.
SESSIONS: dict[str, requests.cookies.RequestsCookieJar] = {}


class Staff(HttpUser):
	weight = STAFF_USERS
	wait_time = between(1, 3)

	def on_start(self):
		self.client.cookies.update(SESSIONS[next(STAFF_ACCOUNTS)])
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


ORGANISATION = re.compile(r"<p>[^<]*:\s*<strong>([^<]+)</strong>")


class Partner(HttpUser):
	weight = PARTNER_USERS
	wait_time = between(5, 10)

	def on_start(self):
		"""The partner's training provider, as the partner learns it: the portal names the partner's
		organisation, which is the provider of its offers (partners may not list Training Provider over REST:
		403 by design)."""
		self.client.cookies.update(SESSIONS[PARTNER])
		page = self.client.get("/partner", name="partner portal")
		found = ORGANISATION.search(page.text) if page.ok else None
		self.provider = html.unescape(found.group(1)).split(", ")[0] if found else ""

	@task
	def upload(self):
		with self.client.post(
			f"{METHOD}mehrwert_quartier.partner_exchange.api.upload",
			json={
				"import_doctype": "Training Offer",
				"filename": "angebote.csv",
				"filedata": offers_csv(self.provider),
			},
			name="partner upload (dry run)",
			catch_response=True,
		) as response:
			# a dry run whose rows do not pass (a wrong provider) would measure the wrong work
			if response.ok and response.json()["message"]["counts"]["error_rows"]:
				response.failure(f"rows with errors: {response.json()['message']['messages'][:2]}")


def background_import():
	"""A 20,000-row valid-rows-only import as staff, through the REST upload: the dry run is a queued job,
	waited for before the load starts; *Import* is queued when the load starts (``start_import``)."""
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
	staff.login(IMPORTER, PASSWORD, otp=lambda: totp(IMPORTER))
	began = time.monotonic()
	batch = staff.upload("Participant", path, valid_rows_only=True)
	path.unlink()
	while (status := staff.status(batch["name"])["status"]) not in ("Validated", "Rejected", "Failed"):
		if time.monotonic() - began > DRY_RUN_SECONDS:
			sys.exit(f"the dry run of {batch['name']} did not end within {DRY_RUN_SECONDS} s")
		time.sleep(5)
	if status != "Validated":
		sys.exit(f"the dry run of {batch['name']} ended {status}")
	print(f"dry run of the {IMPORT_ROWS}-row import ({batch['name']}): {time.monotonic() - began:.0f} s")
	return staff, batch["name"], last_name


def start_import(staff, batch: str):
	staff.call(
		"post", f"{METHOD}mehrwert_quartier.partner_exchange.portal.import_batch", data={"batch": batch}
	)


def import_progress(staff, batch: str, last_name: str) -> str:
	status = staff.status(batch)["status"]
	written = staff.call(
		"get",
		f"{METHOD}frappe.client.get_count",
		params={"doctype": "Participant", "filters": json.dumps({"last_name": last_name})},
	).json()["message"]
	return f"{batch}: {status}, {written} of {IMPORT_ROWS} rows written"


def sample_load(samples: list):
	while True:
		samples.append(os.getloadavg()[0])
		gevent.sleep(10)


def report(env, seconds: float, batch: str, logins: dict, load: list):
	stats = env.stats
	print(f"\nload: {STAFF_USERS} staff + {PARTNER_USERS} partners, {seconds:.0f} s against {HOST}")
	print(f"background import at the end of the run: {batch}")
	print(
		f"machine: {os.cpu_count()} cores, load average (1 min) during the run: "
		f"min {min(load):.1f}, mean {sum(load) / len(load):.1f}, max {max(load):.1f} ({len(load)} samples)"
	)
	print(
		"logins before the load, one after another: " + ", ".join(f"{u} {t:.1f} s" for u, t in logins.items())
	)
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
		staff, batch, last_name = background_import()
		logins = {}
		for user in [*STAFF, PARTNER]:
			SESSIONS[user], logins[user] = login(user, second_factor=user in DEMO_OTP_SECRETS)
		load: list[float] = []
		sampler = gevent.spawn(sample_load, load)
		start_import(staff, batch)
		env = Environment(user_classes=[Staff, Partner], host=HOST)
		runner = env.create_local_runner()
		runner.start(STAFF_USERS + PARTNER_USERS, spawn_rate=10)
		began = time.monotonic()
		gevent.sleep(SECONDS)
		runner.quit()
		elapsed = time.monotonic() - began
		sampler.kill()
		report(env, elapsed, import_progress(staff, batch, last_name), logins, load)
	finally:
		subprocess.run([str(BENCH_ROOT / "scripts/serve.sh"), "stop", PORT], cwd=BENCH_ROOT, check=False)


if __name__ == "__main__":
	main()
