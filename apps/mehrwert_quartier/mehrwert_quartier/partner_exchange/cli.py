"""Command-line client of the partner exchange (``requests``, no Frappe needed).

    python -m mehrwert_quartier.partner_exchange.cli upload --url URL --user U --password P \\
        --doctype "Event Registration" FILE [--import] [--report fehler.xlsx] [--profile NAME | --mapping JSON]
    python -m mehrwert_quartier.partner_exchange.cli result BATCH --url URL --user U --password P --out fehler.xlsx

Exit codes: 0 done (Validated or Imported), 1 the file has errors (Rejected or Failed), 2 wrong usage,
3 login failed, 4 refused or server/connection error, 5 the file waits for the mapping step (give --mapping
JSON or --profile NAME; every message of the batch and the proposed mapping are printed).
"""

import argparse
import base64
import json
import os
import sys
from pathlib import Path

import requests

from mehrwert_quartier.partner_exchange.messages import ExchangeError, bilingual
from mehrwert_quartier.partner_exchange.reader import check_file_size

OK, FILE_ERRORS, USAGE, LOGIN_FAILED, SERVER_ERROR, MAPPING_NEEDED = 0, 1, 2, 3, 4, 5
METHOD = "/api/method/mehrwert_quartier.partner_exchange"
TIMEOUT = 600


class ClientError(Exception):
	def __init__(self, message: str, code: int = SERVER_ERROR):
		super().__init__(message)
		self.code = code


def server_message(response: requests.Response) -> str:
	"""The readable message of a Frappe error response."""
	if response.status_code == 413:  # the web server refused the request by its size
		return bilingual("request_too_large")
	try:
		body = response.json()
	except ValueError:
		return f"HTTP {response.status_code}"
	messages = []
	for item in json.loads(body.get("_server_messages") or "[]"):
		try:
			messages.append(json.loads(item).get("message", item))
		except (ValueError, AttributeError):
			messages.append(str(item))
	return (
		"; ".join(messages) or body.get("exc_type") or body.get("message") or f"HTTP {response.status_code}"
	)


class Client:
	def __init__(self, url: str, session: requests.Session | None = None):
		self.url = url.rstrip("/")
		self.session = session or requests.Session()

	def login(self, user=None, password=None, api_key=None, api_secret=None, otp=None):
		if api_key and api_secret:
			self.session.headers["Authorization"] = f"token {api_key}:{api_secret}"
			return
		if not (user and password):
			raise ClientError(
				"Anmeldedaten fehlen / Missing credentials: --user/--password or --api-key/--api-secret",
				USAGE,
			)
		response = self.post("/api/method/login", {"usr": user, "pwd": password}, login=True)
		if response.status_code == 200 and "tmp_id" in response.json():
			response = self.second_factor(response.json()["tmp_id"], otp)
		if response.status_code != 200:
			raise ClientError(
				f"Anmeldung fehlgeschlagen / Login failed: {server_message(response)}", LOGIN_FAILED
			)

	def second_factor(self, tmp_id: str, otp: str | None) -> requests.Response:
		"""Two-factor authentication: the code of the authenticator app (--otp, or $MQ_OTP)."""
		otp = otp or os.environ.get("MQ_OTP")
		if not otp:
			raise ClientError(
				"Bestätigungscode fehlt / Verification code missing: --otp CODE (or use --api-key/--api-secret)",
				LOGIN_FAILED,
			)
		otp = otp() if callable(otp) else otp
		return self.post("/api/method/login", {"tmp_id": tmp_id, "otp": otp}, login=True)

	def post(self, path: str, data: dict, login: bool = False) -> requests.Response:
		return self.request("post", path, json=data) if not login else self.request("post", path, data=data)

	def request(self, method: str, path: str, **kwargs) -> requests.Response:
		try:
			return self.session.request(method, self.url + path, timeout=TIMEOUT, **kwargs)
		except requests.RequestException as e:
			raise ClientError(f"Server nicht erreichbar / Server not reachable: {e}") from e

	def call(self, method: str, path: str, **kwargs):
		response = self.request(method, path, **kwargs)
		if response.status_code in (401, 403):
			raise ClientError(f"Keine Berechtigung / Not permitted: {server_message(response)}")
		if response.status_code != 200:
			raise ClientError(f"Fehler / Error: {server_message(response)}")
		return response

	def upload(
		self,
		doctype: str,
		path: Path,
		import_rows=False,
		organisation=None,
		valid_rows_only=False,
		profile: str | None = None,
		mapping: str | None = None,
	):
		try:
			check_file_size(path.stat().st_size)  # what the server would refuse is not sent
		except ExchangeError as e:
			raise ClientError(str(e), FILE_ERRORS) from e
		data = {
			"import_doctype": doctype,
			"filename": path.name,
			"filedata": base64.b64encode(path.read_bytes()).decode(),
			"import_rows": import_rows,
			"valid_rows_only": valid_rows_only,
		}
		if organisation:
			data["partner_organisation"] = organisation
		if profile:
			data["import_profile"] = profile
		if mapping:
			data["mapping"] = mapping
		return self.call("post", f"{METHOD}.api.upload", json=data).json()["message"]

	def status(self, batch: str) -> dict:
		return self.call("get", f"{METHOD}.portal.batch_status", params={"batch": batch}).json()["message"]

	def error_report(self, batch: str) -> bytes:
		return self.call("get", f"{METHOD}.portal.download_error_report", params={"batch": batch}).content


def summary(result: dict) -> str:
	c = result.get("counts") or {}
	return (
		f"{result['name']}: {result['status']} - {c.get('total_rows') or 0} Zeilen/rows, "
		f"{c.get('new_rows') or 0} neu/new, {c.get('updated_rows') or 0} geändert/updated, "
		f"{c.get('unchanged_rows') or 0} unverändert/unchanged, {c.get('error_rows') or 0} Fehler/errors"
	)


def messages(result: dict) -> list[str]:
	"""Every message of the batch (why it was refused, which rows were skipped, the profile applied) and, while
	it waits for the mapping step, the proposed mapping, column by column."""
	lines = [f"- {m}" for m in result.get("messages") or []]
	mapping = result.get("mapping") or {}
	if result.get("status") == "Needs Mapping" and mapping.get("columns"):
		lines.append("Zuordnung nötig / Mapping needed (--mapping JSON oder/or --profile NAME):")
		for column in mapping["columns"]:
			target = column.get("fieldname") or "-"
			lines.append(
				f"  {column['header']} -> {target} ({round((column.get('confidence') or 0) * 100)} %)"
			)
	for fieldname, values in (mapping.get("unknown_values") or {}).items():
		lines.append(f"  Unbekannte Werte / unknown values {fieldname}: {', '.join(values)}")
	return lines


def mapping_argument(value: str | None) -> str | None:
	"""``--mapping``: JSON, or the path of a file holding it."""
	if not value:
		return None
	path = Path(value)
	text = (
		path.read_text(encoding="utf-8") if not value.lstrip().startswith("{") and path.is_file() else value
	)
	try:
		json.loads(text)
	except ValueError as e:
		raise ClientError(f"Zuordnung ist kein JSON / Mapping is not JSON: {e}", USAGE) from e
	return text


def exit_code(status: str) -> int:
	if status == "Needs Mapping":
		return MAPPING_NEEDED
	return FILE_ERRORS if status in ("Rejected", "Failed") else OK


def save_report(client: Client, result: dict, out: str | None):
	if out and (result.get("has_error_report") or result.get("counts", {}).get("error_rows")):
		Path(out).write_bytes(client.error_report(result["name"]))
		print(f"Fehlerbericht gespeichert / Error report saved: {out}")


def parser() -> argparse.ArgumentParser:
	main = argparse.ArgumentParser(
		prog="mq-partner", description="MehrWertQuartier Partneraustausch / partner exchange"
	)
	commands = main.add_subparsers(dest="command", required=True)
	upload = commands.add_parser("upload", help="Datei hochladen und prüfen / upload and validate a file")
	upload.add_argument("file")
	upload.add_argument("--doctype", required=True)
	upload.add_argument(
		"--import", dest="import_rows", action="store_true", help="importieren, wenn fehlerfrei"
	)
	upload.add_argument("--valid-rows-only", action="store_true")
	upload.add_argument("--organisation")
	upload.add_argument("--report", help="Fehlerbericht speichern / save the error report (.xlsx)")
	upload.add_argument("--profile", help="Importprofil / import profile (name)")
	upload.add_argument("--mapping", help="Zuordnung als JSON oder Datei / mapping as JSON or a file")
	result = commands.add_parser("result", help="Status und Fehlerbericht / status and error report")
	result.add_argument("batch")
	result.add_argument("--out", help="Fehlerbericht speichern / save the error report (.xlsx)")
	for command in (upload, result):
		command.add_argument("--url", required=True)
		command.add_argument("--user")
		command.add_argument("--password")
		command.add_argument("--api-key")
		command.add_argument("--api-secret")
		command.add_argument("--otp", help="Bestätigungscode (2FA) / verification code")
	return main


def main(argv=None, session: requests.Session | None = None) -> int:
	args = parser().parse_args(argv)
	client = Client(args.url, session)
	try:
		mapping = mapping_argument(getattr(args, "mapping", None))
		client.login(args.user, args.password, args.api_key, args.api_secret, args.otp)
		if args.command == "upload":
			path = Path(args.file)
			if not path.is_file():
				raise ClientError(f"Datei nicht gefunden / File not found: {path}", USAGE)
			outcome = client.upload(
				args.doctype,
				path,
				args.import_rows,
				args.organisation,
				args.valid_rows_only,
				args.profile,
				mapping,
			)
			print(summary(outcome))
			for line in messages(outcome):
				print(line)
			save_report(client, outcome, args.report)
		else:
			outcome = client.status(args.batch)
			print(summary(outcome))
			save_report(client, outcome, args.out)
	except ClientError as e:
		print(e, file=sys.stderr)
		return e.code
	return exit_code(outcome["status"])


if __name__ == "__main__":
	sys.exit(main())
