"""The partner exchange over live HTTP: the command-line client (requests) against the running server."""

import base64
import datetime
import io
import threading
import uuid
from pathlib import Path

import requests
from conftest import DEMO_PASSWORD
from mehrwert_quartier.partner_exchange.cli import Client, ClientError, main
from mehrwert_quartier.partner_exchange.messages import MESSAGES
from mehrwert_quartier.partner_exchange.testdata import (
	IN_COLUMNS_UNKNOWN_TO_PARTNER_ORGANISATION,
	corpus,
	zip_bomb,
)
from mehrwert_quartier.security.otp import totp
from openpyxl import Workbook, load_workbook

STAFF = "projektleitung@mehrwert.example"
ROWS = 1500  # below the background threshold (2,000 rows): the import runs inside the upload request


def participants(path: Path, count: int, last_name: str, bad_row: int | None = None) -> Path:
	book = Workbook(write_only=True)
	sheet = book.create_sheet("Daten")
	sheet.append(["Vorname", "Nachname", "Geburtsdatum", "Postleitzahl"])
	born = datetime.date(1960, 1, 1)
	for i in range(count):
		postcode = "0431" if i == bad_row else "04315"
		sheet.append([f"Person{i}", last_name, born + datetime.timedelta(days=i), postcode])
	book.save(path)
	return path


def client(base_url: str) -> Client:
	staff = Client(base_url)
	staff.login(STAFF, DEMO_PASSWORD, otp=lambda: totp(STAFF))
	return staff


def test_a_large_upload_over_http_leaves_the_server_answering(base_url, tmp_path):
	workbook = participants(tmp_path / "teilnehmende.xlsx", ROWS, f"Live{uuid.uuid4().hex[:8]}")
	result: dict = {}

	def upload():
		result["batch"] = client(base_url).upload("Participant", workbook, import_rows=True)
		result["done"] = True

	uploading = threading.Thread(target=upload)
	uploading.start()
	answered_while_importing = 0
	while uploading.is_alive():
		ping = requests.get(f"{base_url}/api/method/ping", timeout=30)
		assert ping.json()["message"] == "pong"
		if not result.get("done"):
			answered_while_importing += 1
	uploading.join()
	assert answered_while_importing > 0
	batch = result["batch"]
	assert batch["status"] == "Imported", batch
	assert batch["counts"]["new_rows"] == ROWS


def test_the_command_line_client_imports_and_fetches_the_error_report(base_url, tmp_path, capsys):
	last_name = f"Cli{uuid.uuid4().hex[:8]}"
	good = participants(tmp_path / "gut.xlsx", 3, last_name)
	arguments = ["--url", base_url, "--user", STAFF, "--password", DEMO_PASSWORD, "--doctype", "Participant"]
	assert main(["upload", *arguments, "--otp", totp(STAFF), str(good), "--import"]) == 0
	assert ": Imported - 3 Zeilen/rows, 3 neu/new" in capsys.readouterr().out

	bad = participants(tmp_path / "fehler.xlsx", 3, f"{last_name}x", bad_row=1)
	report = tmp_path / "fehlerbericht.xlsx"
	assert (
		main(["upload", *arguments, "--otp", totp(STAFF), str(bad), "--import", "--report", str(report)]) == 1
	)
	sheet = load_workbook(io.BytesIO(report.read_bytes())).active
	messages = [row[0].value for row in sheet.iter_rows(min_row=2) if row[0].value]
	assert len(messages) == 1
	assert "„0431“ ist keine deutsche Postleitzahl" in messages[0], messages
	assert "'0431' is not a German postcode" in messages[0], messages


def test_a_zip_bomb_over_http_gets_a_bilingual_refusal_and_the_server_goes_on(base_url, tmp_path):
	bomb = tmp_path / "partner.xlsx"
	bomb.write_bytes(zip_bomb())
	staff = client(base_url)
	batch = staff.upload("Postcode Area", bomb)
	assert batch["status"] == "Rejected"
	log = staff.call("get", f"/api/resource/Import Batch/{batch['name']}").json()["data"]["log"]
	assert "Die Datei ist entpackt zu groß" in log and "The file is too large when unpacked" in log, log
	assert requests.get(f"{base_url}/api/method/ping", timeout=30).json()["message"] == "pong"


def test_every_malformed_file_over_http_ends_in_a_bilingual_message_and_the_server_goes_on(
	base_url, tmp_path
):
	staff = client(base_url)
	organisations = staff.call(
		"get", "/api/method/frappe.client.get_count", params={"doctype": "Partner Organisation"}
	)
	before = organisations.json()["message"]
	cases = {case: item for case, item in corpus().items() if item[2]}
	assert len(cases) >= 25
	for case, (filename, content, expected) in sorted(cases.items()):
		german, english = (text.split("{")[0].split("„")[0].split("'")[0] for text in MESSAGES[expected])
		path = tmp_path / case / filename
		path.parent.mkdir()
		path.write_bytes(content)
		try:
			batch = staff.upload("Partner Organisation", path, import_rows=True)
		except ClientError as refused:  # refused before a batch is stored: empty or oversized
			said = str(refused)
		else:
			assert batch["status"] == "Rejected", (case, batch)
			record = staff.call("get", f"/api/resource/Import Batch/{batch['name']}").json()["data"]
			said = record["log"] + (record.get("changes") or "")
		if case in IN_COLUMNS_UNKNOWN_TO_PARTNER_ORGANISATION:
			german, english = (
				MESSAGES["unknown_header"][0].split("„")[0],
				MESSAGES["unknown_header"][1].split("'")[0],
			)
		assert german in said and english in said, (case, said)
		assert requests.get(f"{base_url}/api/method/ping", timeout=30).json()["message"] == "pong", case
	# the oversized file once more without the client's own check: refused by the server, which goes on
	oversized = staff.request(
		"post",
		"/api/method/mehrwert_quartier.partner_exchange.api.upload",
		json={
			"import_doctype": "Partner Organisation",
			"filename": "partner.xlsx",
			"filedata": base64.b64encode(cases["oversized_50_mb"][1]).decode(),
		},
	)
	assert oversized.status_code in (413, 417), oversized.status_code
	assert requests.get(f"{base_url}/api/method/ping", timeout=30).json()["message"] == "pong"
	after = staff.call(
		"get", "/api/method/frappe.client.get_count", params={"doctype": "Partner Organisation"}
	)
	assert after.json()["message"] == before
