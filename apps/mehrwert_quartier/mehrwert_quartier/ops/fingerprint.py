"""What a restored site must hold like the original: per app DocType the record count and a hash of its
rows, and a hash per file (private and public). ``bench --site SITE execute
mehrwert_quartier.ops.fingerprint.site_fingerprint`` prints it as JSON; tests/ops compares two sites."""

import hashlib
import json
from pathlib import Path

import frappe

APP = "mehrwert_quartier"


def app_doctypes() -> list[dict]:
	modules = frappe.get_all("Module Def", filters={"app_name": APP}, pluck="name")
	return frappe.get_all(
		"DocType",
		filters={"module": ["in", modules], "is_virtual": 0},
		fields=["name", "issingle"],
		order_by="name",
	)


def rows_digest(rows: list) -> str:
	return hashlib.sha256(json.dumps(rows, default=str, sort_keys=True).encode()).hexdigest()


def doctype_fingerprint(doctype: str, single: bool) -> dict:
	if single:
		singles = frappe.qb.DocType("Singles")
		query = (
			frappe.qb.from_(singles).select(singles.field, singles.value).where(singles.doctype == doctype)
		)
		rows = query.orderby(singles.field).run(as_list=True)
	else:
		rows = frappe.qb.from_(frappe.qb.DocType(doctype)).select("*").orderby("name").run(as_list=True)
	return {"count": len(rows), "hash": rows_digest([list(row) for row in rows])}


def files_fingerprint(folder: str) -> dict[str, str]:
	root = Path(frappe.get_site_path(folder, "files"))
	return {
		str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
		for path in sorted(root.rglob("*"))
		if path.is_file()
	}


def site_fingerprint() -> dict:
	return {
		"doctypes": {row.name: doctype_fingerprint(row.name, bool(row.issingle)) for row in app_doctypes()},
		"private_files": files_fingerprint("private"),
		"public_files": files_fingerprint("public"),
	}
