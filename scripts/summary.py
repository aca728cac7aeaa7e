"""Sums the JUnit reports of the test layers: prints one line "N passed, N failed", exits 1 on any failure.

A layer without a report, or one that left a ``<layer>.could-not-run`` note, counts as one failure.
"""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent


def count(report: Path) -> tuple[int, int, int]:
	"""(passed, failed, skipped) of one JUnit XML report."""
	root = ET.parse(report).getroot()
	passed = failed = skipped = 0
	for case in root.iter("testcase"):
		outcome = {child.tag for child in case}
		if outcome & {"failure", "error"}:
			failed += 1
		elif "skipped" in outcome:
			skipped += 1
		else:
			passed += 1
	# errors outside any test case (a module that does not import, a failing setUpClass)
	for suite in root.iter("testsuite"):
		if not list(suite.iter("testcase")) and int(suite.get("errors", 0) or 0):
			failed += int(suite.get("errors"))
	return passed, failed, skipped


def versions() -> str:
	"""The Frappe and ERPNext versions the layers ran on, from the cloned sources (a guard for upgrades)."""
	found = []
	for app, title in (("frappe", "Frappe"), ("erpnext", "ERPNext")):
		init = BENCH / "apps" / app / app / "__init__.py"
		match = re.search(r'^__version__ = "([^"]+)"', init.read_text(), re.MULTILINE) if init.exists() else None
		found.append(f"{title} {match.group(1) if match else 'unknown'}")
	return ", ".join(found)


def main(results: Path, layers: list[str]) -> int:
	print(f"tested on {versions()}")
	totals = [0, 0, 0]
	for layer in layers:
		note = results / f"{layer}.could-not-run"
		reports = sorted(results.glob(f"{layer}.xml")) + sorted(results.glob(f"{layer}-*.xml"))
		if note.exists() or not reports:
			reason = note.read_text().strip() if note.exists() else "no report"
			print(f"{layer}: could not run ({reason})")
			totals[1] += 1
			continue
		passed, failed, skipped = (sum(n) for n in zip(*map(count, reports), strict=True))
		if not passed + failed + skipped:
			print(f"{layer}: ran no test")
			totals[1] += 1
			continue
		print(f"{layer}: {passed} passed, {failed} failed, {skipped} skipped")
		for i, n in enumerate((passed, failed, skipped)):
			totals[i] += n
	print(f"{totals[0]} passed, {totals[1]} failed" + (f", {totals[2]} skipped" if totals[2] else ""))
	return 1 if totals[1] else 0


if __name__ == "__main__":
	sys.exit(main(Path(sys.argv[1]), sys.argv[2:]))
