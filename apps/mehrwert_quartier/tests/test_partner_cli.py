"""The command-line client against a mocked server (``responses``)."""

import json

import pytest
import responses

from mehrwert_quartier.partner_exchange import cli

URL = "http://mehrwert.localhost:8000"
METHOD = f"{URL}/api/method/mehrwert_quartier.partner_exchange"
LOGIN = ["--url", URL, "--user", "daa@partner.example", "--password", "mwq-demo-2026"]


def batch(status="Validated", errors=0, name="IMP-2026-00007"):
	counts = dict(total_rows=3, new_rows=3 - errors, updated_rows=0, unchanged_rows=0, error_rows=errors)
	return {"message": {"name": name, "status": status, "counts": counts, "has_error_report": bool(errors)}}


@pytest.fixture
def workbook(tmp_path):
	path = tmp_path / "anmeldungen.xlsx"
	path.write_bytes(b"PK fake workbook")
	return path


@responses.activate
def test_upload_logs_in_sends_the_file_and_imports(workbook, capsys):
	responses.post(f"{URL}/api/method/login", json={"message": "Logged In"})
	upload = responses.post(f"{METHOD}.api.upload", json=batch("Imported"))
	code = cli.main(["upload", str(workbook), "--doctype", "Event Registration", "--import", *LOGIN])
	assert code == cli.OK
	assert "usr=daa%40partner.example" in responses.calls[0].request.body
	sent = json.loads(upload.calls[0].request.body)
	assert sent["import_doctype"] == "Event Registration"
	assert sent["filename"] == "anmeldungen.xlsx" and sent["import_rows"] is True
	assert "IMP-2026-00007: Imported - 3 Zeilen/rows, 3 neu/new" in capsys.readouterr().out


@responses.activate
def test_rejected_file_saves_the_error_report_and_exits_1(workbook, tmp_path):
	responses.post(f"{URL}/api/method/login", json={"message": "Logged In"})
	responses.post(f"{METHOD}.api.upload", json=batch("Rejected", errors=1))
	responses.get(f"{METHOD}.portal.download_error_report", body=b"xlsx bytes")
	out = tmp_path / "fehler.xlsx"
	code = cli.main(["upload", str(workbook), "--doctype", "Referral", "--report", str(out), *LOGIN])
	assert code == cli.FILE_ERRORS
	assert out.read_bytes() == b"xlsx bytes"
	assert "batch=IMP-2026-00007" in responses.calls[-1].request.url


@responses.activate
def test_result_with_api_key(tmp_path):
	status = responses.get(f"{METHOD}.portal.batch_status", json=batch("Failed", errors=2))
	responses.get(f"{METHOD}.portal.download_error_report", body=b"report")
	out = tmp_path / "r.xlsx"
	args = [
		"result",
		"IMP-2026-00007",
		"--url",
		URL,
		"--api-key",
		"k",
		"--api-secret",
		"s",
		"--out",
		str(out),
	]
	assert cli.main(args) == cli.FILE_ERRORS
	assert status.calls[0].request.headers["Authorization"] == "token k:s"
	assert out.read_bytes() == b"report"


@responses.activate
def test_wrong_password_exits_3(workbook, capsys):
	responses.post(f"{URL}/api/method/login", status=401, json={"message": "Invalid login credentials"})
	assert cli.main(["upload", str(workbook), "--doctype", "Referral", *LOGIN]) == cli.LOGIN_FAILED
	assert "Anmeldung fehlgeschlagen / Login failed: Invalid login credentials" in capsys.readouterr().err


@responses.activate
def test_refused_upload_shows_the_server_message(workbook, capsys):
	responses.post(f"{URL}/api/method/login", json={"message": "Logged In"})
	message = json.dumps({"message": "You can only upload for your own partner organisation"})
	responses.post(
		f"{METHOD}.api.upload",
		status=403,
		json={"exc_type": "PermissionError", "_server_messages": json.dumps([message])},
	)
	code = cli.main(["upload", str(workbook), "--doctype", "Referral", "--organisation", "X", *LOGIN])
	assert code == cli.SERVER_ERROR
	assert "Keine Berechtigung / Not permitted: You can only upload" in capsys.readouterr().err


def test_missing_file_and_missing_credentials(tmp_path, capsys):
	missing = str(tmp_path / "nope.xlsx")
	assert cli.main(["upload", missing, "--doctype", "Referral", *LOGIN[:2]]) == cli.USAGE
	with responses.RequestsMock() as mock:
		mock.post(f"{URL}/api/method/login", json={"message": "Logged In"})
		assert cli.main(["upload", missing, "--doctype", "Referral", *LOGIN]) == cli.USAGE
	assert "Datei nicht gefunden / File not found" in capsys.readouterr().err


def test_unreachable_server_exits_4(workbook, capsys):
	args = ["upload", str(workbook), "--doctype", "Referral", "--url", "http://127.0.0.1:9", "--api-key", "k"]
	with responses.RequestsMock():
		assert cli.main([*args, "--api-secret", "s"]) == cli.SERVER_ERROR
	assert "Server nicht erreichbar / Server not reachable" in capsys.readouterr().err


@responses.activate
def test_a_file_above_the_upload_limit_is_not_sent(tmp_path, capsys):
	responses.post(f"{URL}/api/method/login", json={"message": "Logged In"})
	upload = responses.post(f"{METHOD}.api.upload", json=batch())
	big = tmp_path / "gross.xlsx"
	with big.open("wb") as f:
		f.truncate(11 * 1024 * 1024)
	code = cli.main(["upload", str(big), "--doctype", "Referral", *LOGIN])
	assert code == cli.FILE_ERRORS
	assert not upload.calls
	said = capsys.readouterr().err
	assert "Die Datei ist zu groß (11 MB, höchstens 10 MB)" in said
	assert "The file is too large (11 MB, at most 10 MB)" in said


@responses.activate
def test_a_request_the_web_server_refuses_by_size_gets_a_bilingual_message(workbook, capsys):
	responses.post(f"{URL}/api/method/login", json={"message": "Logged In"})
	responses.post(f"{METHOD}.api.upload", body="Request Entity Too Large", status=413)
	code = cli.main(["upload", str(workbook), "--doctype", "Referral", *LOGIN])
	assert code == cli.SERVER_ERROR
	said = capsys.readouterr().err
	assert "Die Anfrage ist zu groß" in said and "The request is too large" in said


@responses.activate
def test_every_message_of_the_batch_is_printed_and_a_mapping_is_sent(workbook, tmp_path, capsys):
	responses.post(f"{URL}/api/method/login", json={"message": "Logged In"})
	refused = batch("Rejected", errors=1)
	refused["message"]["messages"] = [
		"Zeile 1 übersprungen: Titel- oder Infozeile über den Spaltenköpfen („Liste“) / Row 1 skipped: title or info row above the headers ('Liste')",
		"Pflichtspalte „Vorname“ fehlt / Required column 'Vorname' is missing",
	]
	upload = responses.post(f"{METHOD}.api.upload", json=refused)
	mapping = tmp_path / "zuordnung.json"
	mapping.write_text('{"columns": {"Nachn.": "last_name"}}', encoding="utf-8")
	code = cli.main(["upload", str(workbook), "--doctype", "Participant", "--mapping", str(mapping), *LOGIN])
	assert code == cli.FILE_ERRORS
	out = capsys.readouterr().out
	assert "Row 1 skipped: title or info row" in out and "Required column 'Vorname' is missing" in out
	assert "Zeile 1 übersprungen" in out
	sent = json.loads(upload.calls[0].request.body)
	assert json.loads(sent["mapping"]) == {"columns": {"Nachn.": "last_name"}}


@responses.activate
def test_a_file_waiting_for_its_mapping_prints_the_proposal_and_exits_5(workbook, capsys):
	responses.post(f"{URL}/api/method/login", json={"message": "Logged In"})
	waiting = batch("Needs Mapping")
	waiting["message"]["messages"] = [
		"Bitte die Zuordnung der Spalten prüfen / Please check and confirm the column mapping"
	]
	waiting["message"]["mapping"] = {
		"columns": [
			{"header": "Nachn.", "fieldname": None, "confidence": 0},
			{"header": "PLZ", "fieldname": "postcode", "confidence": 0.95},
		],
		"unknown_values": {"gender": ["?"]},
	}
	upload = responses.post(f"{METHOD}.api.upload", json=waiting)
	code = cli.main(["upload", str(workbook), "--doctype", "Participant", "--profile", "IPR-00001", *LOGIN])
	assert code == cli.MAPPING_NEEDED
	out = capsys.readouterr().out
	assert "Nachn. -> - (0 %)" in out and "PLZ -> postcode (95 %)" in out and "gender: ?" in out
	assert json.loads(upload.calls[0].request.body)["import_profile"] == "IPR-00001"


def test_a_mapping_that_is_no_json_is_refused_before_anything_is_sent(workbook, capsys):
	code = cli.main(["upload", str(workbook), "--doctype", "Participant", "--mapping", "{kaputt", *LOGIN])
	assert code == cli.USAGE
	assert "Mapping is not JSON" in capsys.readouterr().err
