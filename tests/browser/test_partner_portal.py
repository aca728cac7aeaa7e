"""A partner organisation's user logs in, opens the partner portal and checks a workbook (dry run)."""

from pathlib import Path

from conftest import login
from playwright.sync_api import expect

PARTNER = "jobcenter@partner.example"


def test_partner_sees_the_portal_of_their_organisation(page, base_url):
	login(page, base_url, PARTNER)
	page.wait_for_load_state("networkidle")
	page.goto(f"{base_url}/partner")
	expect(page.get_by_role("heading", name="Partnerportal")).to_be_visible()
	expect(page.get_by_text("Jobcenter Leipzig").first).to_be_visible()
	expect(page.get_by_role("button", name="Hochladen und prüfen (Probelauf)")).to_be_visible()


def test_dry_run_of_a_bad_workbook_reports_errors_and_offers_no_import(page, base_url, tmp_path: Path):
	sheet = tmp_path / "anwesenheit.csv"
	sheet.write_text(
		"Veranstaltung;Teilnehmende/r;Status\ngibt-es-nicht;TN-99999;Teilgenommen\n", encoding="utf-8"
	)
	login(page, base_url, PARTNER)
	page.wait_for_load_state("networkidle")
	page.goto(f"{base_url}/partner")
	page.select_option("#mq-doctype", "Event Registration")
	page.set_input_files("#mq-file", str(sheet))
	page.get_by_role("button", name="Hochladen und prüfen (Probelauf)").click()
	result = page.locator("#mq-result-text")
	expect(result).to_contain_text("1 fehlerhaft", timeout=20000)
	expect(page.locator("#mq-import")).to_be_hidden()


def test_a_file_above_the_upload_limit_is_refused_before_it_is_sent(page, base_url, tmp_path: Path):
	big = tmp_path / "anwesenheit.xlsx"
	with big.open("wb") as f:
		f.truncate(11 * 1024 * 1024)
	uploads = []
	page.on("request", lambda r: "partner_exchange.api.upload" in r.url and uploads.append(r.url))
	login(page, base_url, PARTNER)
	page.wait_for_load_state("networkidle")
	page.goto(f"{base_url}/partner")
	page.set_input_files("#mq-file", str(big))
	page.get_by_role("button", name="Hochladen und prüfen (Probelauf)").click()
	message = page.locator(".modal.show .modal-body")
	expect(message).to_contain_text("Die Datei ist zu groß (11 MB, höchstens 10 MB)")
	expect(message).to_contain_text("The file is too large (11 MB, at most 10 MB)")
	assert uploads == []
