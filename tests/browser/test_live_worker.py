"""A large upload runs as a background job on a real RQ worker; a worker killed mid-way leaves the batch
resumable: started again, it writes every row exactly once."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from test_live_exchange import client, participants

BENCH_ROOT = Path(__file__).resolve().parents[2]
ROWS = 6000  # above the background threshold (2,000 rows); twelve chunks of 500
PORTAL = "/api/method/mehrwert_quartier.partner_exchange.portal"


def worker(burst: bool) -> subprocess.Popen:
	"""``bench worker --queue long`` of this bench, in its own process group (with its work horse)."""
	command = [sys.executable, "-m", "frappe.utils.bench_helper", "frappe", "worker", "--queue", "long"]
	return subprocess.Popen(
		command + (["--burst"] if burst else []),
		cwd=BENCH_ROOT / "sites",
		stdout=subprocess.DEVNULL,
		stderr=subprocess.DEVNULL,
		start_new_session=True,
	)


def kill_with_work_horse(running: subprocess.Popen):
	"""SIGKILL for the worker and its work horse (RQ starts the horse in a session of its own)."""
	children = []
	for stat in Path("/proc").glob("[0-9]*/stat"):
		try:
			parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
		except (OSError, IndexError, ValueError):
			continue
		if parent == running.pid:
			children.append(int(stat.parent.name))
	for pid in [running.pid, *children]:
		os.kill(pid, signal.SIGKILL)


def run_queued_jobs():
	assert worker(burst=True).wait(timeout=300) == 0


def count(staff, last_name: str) -> int:
	response = staff.call(
		"get",
		"/api/method/frappe.client.get_count",
		params={"doctype": "Participant", "filters": f'{{"last_name": "{last_name}"}}'},
	)
	return response.json()["message"]


def status(staff, batch: str) -> dict:
	return staff.call("get", f"{PORTAL}.batch_status", params={"batch": batch}).json()["message"]


def test_a_worker_killed_mid_way_leaves_a_batch_that_resumes_without_duplicates(base_url, tmp_path):
	staff = client(base_url)
	last_name = f"Worker{uuid.uuid4().hex[:8]}"
	workbook = participants(tmp_path / "gross.xlsx", ROWS, last_name)
	batch = staff.upload("Participant", workbook, valid_rows_only=True, import_rows=True)
	assert batch["queued"], batch  # the dry run of a large file is a background job too
	run_queued_jobs()
	assert status(staff, batch["name"])["status"] == "Validated"

	assert staff.call("post", f"{PORTAL}.import_batch", json={"batch": batch["name"]}).json()["message"][
		"queued"
	]
	running = worker(burst=False)
	deadline = time.monotonic() + 120
	while count(staff, last_name) == 0 and time.monotonic() < deadline:
		time.sleep(0.05)
	kill_with_work_horse(running)
	running.wait(timeout=30)
	written = count(staff, last_name)
	assert 0 < written < ROWS, written
	assert status(staff, batch["name"])["status"] == "Validated"

	staff.call("post", f"{PORTAL}.import_batch", json={"batch": batch["name"]})
	run_queued_jobs()
	result = status(staff, batch["name"])
	assert result["status"] == "Imported", result
	assert result["counts"]["unchanged_rows"] == written
	assert result["counts"]["new_rows"] == ROWS - written
	assert count(staff, last_name) == ROWS
