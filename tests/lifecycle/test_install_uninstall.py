"""Migrate twice changes nothing; uninstall leaves nothing behind; reinstall brings everything back.

The tests run in file order and leave the app installed.
"""

import json
from pathlib import Path

from conftest import bench, footprint

APP = Path(__file__).resolve().parents[2] / "apps" / "mehrwert_quartier" / "mehrwert_quartier"


def shipped_workspaces() -> list[str]:
	"""The workspaces the app ships (one JSON file per workspace in a module's ``workspace/`` folder)."""
	return sorted(json.loads(p.read_text())["name"] for p in APP.glob("*/workspace/*/*.json"))


def test_migrate_twice_is_idempotent(site):
	before = footprint()
	assert before["installed"] == ["mehrwert_quartier"]
	assert len(before["roles"]) == 5
	bench("migrate")
	bench("migrate")
	assert footprint() == before


def test_uninstall_removes_everything_the_app_added(site):
	before = footprint()
	assert before["doctypes"] and before["workspaces"] and before["roles"]
	# the businesses' place on the map (issue 18) goes with the app
	assert {f"{dt}.mq_geolocation" for dt in ("Lead", "Prospect", "Customer")} <= set(before["custom_fields"])
	bench("uninstall-app", "mehrwert_quartier", "--yes", "--no-backup", "--force")
	after = footprint()
	assert after == {kind: [] for kind in after}, after


def test_reinstall_restores_the_app(site):
	bench("install-app", "mehrwert_quartier")
	after = footprint()
	assert after["installed"] == ["mehrwert_quartier"]
	assert len(after["roles"]) == 5
	assert "Partner Organisation" in after["doctypes"]
	assert set(shipped_workspaces()) <= set(after["workspaces"])
	assert {"MehrWertQuartier", "Programme", "QS Arbeit", "QS Wirtschaft"} <= set(after["workspaces"])
	assert len(after["number_cards"]) == 10 and len(after["dashboard_charts"]) == 4
	out = bench("execute", "frappe.db.count", "--args", "['Programme Area']")
	assert out.strip().splitlines()[-1] == "3"
