"""Migrate twice changes nothing; uninstall leaves nothing behind; reinstall brings everything back.

The tests run in file order and leave the app installed.
"""

from conftest import bench, footprint


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
	bench("uninstall-app", "mehrwert_quartier", "--yes", "--no-backup", "--force")
	after = footprint()
	assert after == {kind: [] for kind in after}, after


def test_reinstall_restores_the_app(site):
	bench("install-app", "mehrwert_quartier")
	after = footprint()
	assert after["installed"] == ["mehrwert_quartier"]
	assert len(after["roles"]) == 5
	assert "Partner Organisation" in after["doctypes"]
	assert sorted(after["workspaces"]) == ["MehrWertQuartier", "Programme", "QS Arbeit", "QS Wirtschaft"]
	assert len(after["number_cards"]) == 10 and len(after["dashboard_charts"]) == 4
	out = bench("execute", "frappe.db.count", "--args", "['Programme Area']")
	assert out.strip().splitlines()[-1] == "3"
