"""Issue 15: a site made by scripts/site.sh create runs its scheduler (the test runner switches it off only
while it runs), so the search index, reminders and the app's daily jobs are kept up to date."""

from conftest import bench


def test_the_site_made_by_site_sh_runs_its_scheduler(site):
	enabled = bench(
		"execute", "frappe.db.get_single_value", "--args", "['System Settings', 'enable_scheduler']"
	)
	# a `bench run-tests` that crashed leaves the scheduler off: it switches it off while it runs
	assert enabled.strip().splitlines()[-1:] == ["1"], "scheduler off: site.sh create, or a crashed run-tests"
	# `bench execute` prints nothing for False
	assert (
		bench("execute", "frappe.utils.scheduler.is_scheduler_disabled", "--kwargs", "{'verbose': False}")
		== ""
	)
