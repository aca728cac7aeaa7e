"""Issue 16, faults: the web server (gunicorn) is killed while a workbook is being imported in the upload
request. The request's transaction dies with its database connection: no Import Batch, no File record and
no row of the workbook is left; after a restart the same upload imports every row exactly once."""

import os
import signal
import threading
import time
import uuid
from pathlib import Path

from conftest import BENCH_ROOT, count_participants, participants, run, staff

ROWS = 1500  # inline import (below the background threshold): seconds of work inside the request


def gunicorn_pids(port: str) -> list[int]:
	"""gunicorn's master and workers of the server on ``port`` (their command line names its socket)."""
	socket = str(BENCH_ROOT / "config" / f"serve-{port}" / "gunicorn.sock")
	pids = []
	for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
		try:
			command = cmdline.read_bytes().replace(b"\0", b" ").decode()
		except OSError:
			continue
		if "gunicorn" in command and socket in command:
			pids.append(int(cmdline.parent.name))
	return pids


def batches(client, filename: str) -> list:
	response = client.call(
		"get",
		"/api/resource/Import Batch",
		params={"filters": f'[["Import Batch", "import_file", "like", "%{filename.split(".")[0]}%"]]'},
	)
	return response.json()["data"]


def test_the_web_server_killed_during_an_upload_leaves_no_half_created_batch(server, tmp_path):
	base_url, port = server
	client = staff(base_url)
	last_name = f"Abbruch{uuid.uuid4().hex[:8]}"
	workbook = participants(tmp_path / f"{last_name}.xlsx", ROWS, last_name)
	outcome: dict = {}

	def upload():
		try:
			outcome["batch"] = staff(base_url).upload("Participant", workbook, import_rows=True)
		except Exception as error:  # the connection is cut: nginx answers 502
			outcome["error"] = error

	uploading = threading.Thread(target=upload)
	uploading.start()
	time.sleep(3)  # upload sent, rows being imported
	assert uploading.is_alive(), outcome
	pids = gunicorn_pids(port)
	assert pids, "no gunicorn of this server found"
	for pid in pids:
		os.kill(pid, signal.SIGKILL)
	uploading.join(timeout=120)
	assert "batch" not in outcome, outcome

	run("scripts/serve.sh", "stop", port)
	run("scripts/serve.sh", "start", port, "test", timeout=300)
	client = staff(base_url)
	assert count_participants(client, last_name) == 0
	assert batches(client, workbook.name) == []
	files = client.call(
		"get", "/api/resource/File", params={"filters": f'[["file_name", "like", "{last_name}%"]]'}
	).json()["data"]
	assert files == []

	batch = client.upload("Participant", workbook, import_rows=True)
	assert batch["status"] == "Imported", batch
	assert batch["counts"]["new_rows"] == ROWS
	assert count_participants(client, last_name) == ROWS
