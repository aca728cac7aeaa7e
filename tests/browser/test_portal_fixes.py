"""Issue 15, broken item 3: the partner portal says why a file was refused, links the error report,
shows the new batch in its table, offers the template and has no newsletter box or foreign branding."""

import re
from pathlib import Path

import pytest
from conftest import login
from mehrwert_quartier.partner_exchange.testdata import legacy_xls, xlsx, zip_with
from playwright.sync_api import expect

PARTNER = "jobcenter@partner.example"
UPLOAD = "Hochladen und prüfen (Probelauf)"


def portal(page, base_url):
	login(page, base_url, PARTNER)
	page.wait_for_load_state("networkidle")
	page.goto(f"{base_url}/partner")


def dry_run(page, path: Path, doctype: str = "Event Registration") -> str:
	page.select_option("#mq-doctype", doctype)
	page.set_input_files("#mq-file", str(path))
	page.get_by_role("button", name=UPLOAD).click()
	result = page.locator("#mq-result-text")
	expect(result).to_contain_text("IMP-", timeout=20000)
	return re.search(r"IMP-[\d-]+", result.inner_text()).group(0)


REFUSED = [
	(
		"anmeldungen.xlsx",
		zip_with(xlsx([["Veranstaltung", "Teilnehmende/r"], ["x", "y"]]), {"xl/vbaProject.bin": b"VBA"}),
		"Arbeitsmappen mit Makros (.xlsm) werden nicht angenommen",
		"Workbooks with macros (.xlsm) are not accepted",
	),
	("anmeldungen.xls", legacy_xls(), "im alten .xls-Format", "in the old .xls format"),
	(
		"anmeldungen.csv",
		"Name;Datum\nMüller;01.02.2026\n".encode(),
		"Pflichtspalte „Veranstaltung“ fehlt",
		"Required column 'Veranstaltung' is missing",
	),
]


@pytest.mark.parametrize("filename,content,german,english", REFUSED, ids=["macro", "xls", "headers"])
def test_the_portal_says_why_a_file_was_refused(page, base_url, tmp_path, filename, content, german, english):
	path = tmp_path / filename
	path.write_bytes(content)
	portal(page, base_url)
	batch = dry_run(page, path)
	message = page.locator("#mq-result")
	expect(message).to_contain_text(german)
	expect(message).to_contain_text(english)
	expect(message).to_contain_text("Abgelehnt")
	expect(page.locator("#mq-import")).to_be_hidden()
	# the table of batches shows the new one without reloading the page
	expect(page.locator("#mq-batches tr", has_text=batch)).to_contain_text("Abgelehnt")


def test_a_dry_run_with_bad_rows_links_its_error_report(page, base_url, tmp_path):
	sheet = tmp_path / "anwesenheit.csv"
	sheet.write_text(
		"Veranstaltung;Teilnehmende/r;Status\ngibt-es-nicht;TN-99999;Teilgenommen\n", encoding="utf-8"
	)
	portal(page, base_url)
	dry_run(page, sheet)
	link = page.locator("#mq-result a", has_text="Fehlerbericht")
	expect(link).to_be_visible()
	with page.expect_download() as download:
		link.click()
	assert Path(download.value.path()).read_bytes()[:2] == b"PK"


def test_the_portal_offers_the_template_of_the_chosen_doctype(page, base_url):
	portal(page, base_url)
	page.select_option("#mq-doctype", "Event Registration")
	with page.expect_download() as download:
		page.get_by_role("link", name="Vorlage herunterladen").click()
	assert download.value.suggested_filename == "vorlage-event_registration.xlsx"
	assert Path(download.value.path()).read_bytes()[:2] == b"PK"


def test_the_portal_has_no_newsletter_box_and_no_foreign_branding(page, base_url):
	portal(page, base_url)
	expect(page.get_by_role("heading", name="Partnerportal")).to_be_visible()
	expect(page.locator("#footer-subscribe-email")).to_have_count(0)
	footer = page.locator("footer")
	expect(footer).not_to_contain_text("ERPNext")
	expect(footer).not_to_contain_text("Frappe")
