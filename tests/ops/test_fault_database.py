"""Issue 16, faults: MariaDB restarted while a valid-rows-only import runs as a background job. The job's
connection is cut in the middle of a chunk: the batch ends *Failed* (with the error in its log), the chunks
committed before the restart stay, the cut chunk is rolled back, and *Import* again writes the remaining rows:
every row of the workbook exactly once.

Runs on a private MariaDB and Redis (private_services.py): the machine's MariaDB serves other benches."""

import uuid

from conftest import participants
from mehrwert_quartier.partner_exchange.messages import bilingual
from private_services import wait_for

ROWS = 2500  # a background import (above runner.BACKGROUND_ROWS) of five chunks of 500 rows


def test_mariadb_restarted_during_a_background_import(private_bench, tmp_path):
	bench = private_bench
	bench.start_worker("long")
	try:
		last_name = f"Neustart{uuid.uuid4().hex[:8]}"
		batch = bench.upload(participants(tmp_path / f"{last_name}.xlsx", ROWS, last_name))
		validated = bench.wait_status(batch, {"Validated"}, 180)

		bench.import_rows(batch)
		written = wait_for(
			lambda: bench.count(last_name)[0], 180, "the first chunk to be committed", step=0.2
		)
		bench.restart_mariadb()
		failed = bench.wait_status(batch, {"Failed", "Imported"}, 180, since_log=len(validated["log"]))
		assert failed["status"] == "Failed", f"the import ended before the restart ({written} rows): {failed}"
		assert bilingual("database_lost") in failed["log"], failed["log"]
		kept, distinct = bench.count(last_name)
		assert kept % 500 == 0 and kept < ROWS and kept == distinct, (kept, distinct)

		bench.import_rows(batch)
		bench.wait_status(batch, {"Imported"}, 180, since_log=len(failed["log"]))
		assert bench.count(last_name) == (ROWS, ROWS)
	finally:
		bench.stop_workers()
