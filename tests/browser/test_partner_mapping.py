"""Issue 12: a partner maps a file's columns on the portal once; the next file of the same shape needs no mapping."""

import random
from pathlib import Path

from conftest import login
from playwright.sync_api import expect

PARTNER = "jobcenter@partner.example"
UPLOAD = "Hochladen und prüfen (Probelauf)"


def attendance_file(folder: Path, name: str) -> Path:
	"""An attendance list whose surname column no list knows ("Nachn."), whose hours are misspelt ("Stundn")
	and whose workshop is not in a column."""
	path = folder / name
	person = f"Mapping{random.randint(1000, 9999)}"
	path.write_text(
		f"Anwesenheitsliste Workshop\n\nNachn.;Vorname;Stundn\n{person};Ida;3,5\n", encoding="utf-8"
	)
	return path


def upload(page, path: Path):
	page.select_option("#mq-doctype", "Event Registration")
	page.set_input_files("#mq-file", str(path))
	page.get_by_role("button", name=UPLOAD).click()


def test_a_partner_maps_a_file_once_and_the_next_one_of_its_shape_without_mapping(page, base_url, tmp_path):
	login(page, base_url, PARTNER)
	page.wait_for_load_state("networkidle")
	page.goto(f"{base_url}/partner")
	upload(page, attendance_file(tmp_path, "anwesenheit-maerz.csv"))
	mapping = page.locator("#mq-mapping")
	expect(mapping).to_be_visible(timeout=20000)
	expect(page.locator("#mq-result-text")).to_contain_text("Zuordnung nötig")
	column = page.locator('#mq-mapping select[data-header="Nachn."]')
	expect(column).to_have_value("")
	expect(page.locator('#mq-mapping select[data-header="Stundn"]')).to_have_value("attended_hours")
	column.select_option("participant__last_name")
	# the workshop, given once for the whole file
	page.locator('#mq-mapping input[data-provided="event"]').fill("Workshop")
	page.get_by_role("button", name="Zuordnung bestätigen und prüfen").click()
	expect(page.locator("#mq-result-text")).not_to_contain_text("Zuordnung nötig", timeout=20000)
	expect(mapping).to_be_hidden()

	page.goto(f"{base_url}/partner")
	upload(page, attendance_file(tmp_path, "anwesenheit-april.csv"))
	messages = page.locator("#mq-result-messages")
	expect(messages).to_contain_text("Importprofil", timeout=20000)
	expect(page.locator("#mq-result-text")).not_to_contain_text("Zuordnung nötig")
	expect(mapping).to_be_hidden()
	assert not page.errors, page.errors
