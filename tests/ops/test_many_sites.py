"""Issue 16: one bench serves several programme sites; a user of one site sees nothing of the other. The
second site is the restored copy of the test site (same users, same passwords): isolation is by site."""

import uuid

import requests
from conftest import count_participants, participants, staff


def test_a_user_of_one_site_sees_nothing_of_the_other(site, restored, server, tmp_path):
	base_url, port = server
	other_url = f"http://{restored['site']}:{port}"
	here, there = staff(base_url), staff(other_url)
	last_name = f"Zweitprojekt{uuid.uuid4().hex[:8]}"
	batch = here.upload("Participant", participants(tmp_path / "t.xlsx", 3, last_name), import_rows=True)
	assert batch["status"] == "Imported", batch
	assert count_participants(here, last_name) == 3
	assert count_participants(there, last_name) == 0
	# the session of one site is nobody on the other
	sid = here.session.cookies.get("sid")
	who = requests.get(
		f"{other_url}/api/method/frappe.auth.get_logged_user", cookies={"sid": sid}, timeout=30
	)
	assert who.status_code in (401, 403), who.text[:300]
	listed = requests.get(f"{other_url}/api/resource/Participant", cookies={"sid": sid}, timeout=30)
	assert listed.status_code in (401, 403), listed.text[:300]
	assert last_name not in listed.text
