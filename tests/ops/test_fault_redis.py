"""Issue 16, faults: Redis (the job queue) restarted, with an import queued and with an import running.

* Frappe's ``redis_queue.conf`` keeps Redis' snapshot, written at shutdown: a queued import is still queued
  after the restart and runs when a worker takes it.
* A Redis without its snapshot (``save ""``, as this machine's, or after a crash) comes back empty: the queued
  import is gone, nothing of it was written, and the scheduled ``lost_jobs.report_lost_jobs`` reports it on the
  batch (*Failed*, with the message), so that *Import* can be started again.
* Redis restarted while the import runs: the rows go to MariaDB (Frappe's cache and realtime calls pass over a
  Redis that is away), the worker reconnects, and every row is written exactly once.

Runs on a private Redis and MariaDB (private_services.py): the machine's Redis serves other benches."""

import uuid

import redis
from conftest import participants
from mehrwert_quartier.partner_exchange.messages import bilingual
from private_services import REDIS_PORT, wait_for

ROWS = 2500  # a background import (above runner.BACKGROUND_ROWS) of five chunks of 500 rows


def queued_jobs() -> int:
	"""Jobs waiting in the private Redis' RQ queues (``rq:queue:<bench>:long``)."""
	queue = redis.Redis(port=REDIS_PORT, db=1)
	return sum(queue.llen(key) for key in queue.keys("rq:queue:*"))


def test_redis_restarted_with_an_import_queued_and_with_an_import_running(private_bench, tmp_path):
	bench = private_bench
	bench.start_worker("long")
	try:
		last_name = f"Warteschlange{uuid.uuid4().hex[:8]}"
		batch = bench.upload(participants(tmp_path / f"{last_name}.xlsx", ROWS, last_name))
		bench.wait_status(batch, {"Validated"}, 180)
		bench.stop_workers()

		bench.import_rows(batch)  # no worker: the job waits in Redis
		assert queued_jobs() == 1
		assert batch not in bench.report_lost_jobs()
		bench.restart_redis()
		assert queued_jobs() == 1, "the queued import did not survive the restart"
		assert batch not in bench.report_lost_jobs()

		bench.restart_redis(snapshot=False)
		assert queued_jobs() == 0
		assert batch in bench.report_lost_jobs()
		lost = bench.batch(batch)
		assert lost["status"] == "Failed" and bilingual("job_lost") in lost["log"], lost
		assert bench.count(last_name) == (0, 0)

		bench.import_rows(batch)
		queued = bench.batch(batch)  # still Failed, until the job ends
		worker = bench.start_worker("long")
		wait_for(lambda: bench.count(last_name)[0], 180, "the first chunk to be committed", step=0.2)
		bench.restart_redis()
		done = bench.wait_status(batch, {"Imported", "Failed"}, 180, since_log=len(queued["log"]))
		assert done["status"] == "Imported", done["log"]
		assert bench.count(last_name) == (ROWS, ROWS)
		assert worker.poll() is None, f"the worker ended:\n{bench.worker_log()}"
		assert queued_jobs() == 0
		assert batch not in bench.report_lost_jobs()
	finally:
		bench.stop_workers()
