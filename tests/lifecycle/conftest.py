"""Life cycle of the app on the throwaway test site, driven through the bench CLI as an admin would."""

import json
import os
import subprocess
from pathlib import Path

import pytest

BENCH_ROOT = Path(__file__).resolve().parents[2]


def bench(*args: str, timeout: int = 900) -> str:
	cli = os.environ.get("MQ_BENCH_CLI") or str(Path.home() / ".cache/mehrwert-quartier/bin/bench")
	result = subprocess.run(
		[cli, "--site", os.environ["MQ_TEST_SITE"], *args],
		cwd=BENCH_ROOT,
		capture_output=True,
		text=True,
		timeout=timeout,
		stdin=subprocess.DEVNULL,
	)
	assert result.returncode == 0, (
		f"bench {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
	)
	return result.stdout


FOOTPRINT = """
import json, sys
import frappe
frappe.init(site=sys.argv[1], sites_path=".")
frappe.connect()
from mehrwert_quartier.setup.footprint import app_footprint
print(json.dumps(app_footprint()))
"""


def footprint() -> dict[str, list[str]]:
	"""What the app left in the site, read directly (``bench execute`` needs the app installed)."""
	result = subprocess.run(
		[str(BENCH_ROOT / "env/bin/python"), "-c", FOOTPRINT, os.environ["MQ_TEST_SITE"]],
		cwd=BENCH_ROOT / "sites",  # frappe's loggers write to ../logs
		capture_output=True,
		text=True,
		timeout=120,
		stdin=subprocess.DEVNULL,
	)
	assert result.returncode == 0, result.stderr[-3000:]
	return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def site() -> str:
	if not os.environ.get("MQ_TEST_SITE"):
		pytest.fail("MQ_TEST_SITE is not set: run through scripts/test.sh")
	return os.environ["MQ_TEST_SITE"]
