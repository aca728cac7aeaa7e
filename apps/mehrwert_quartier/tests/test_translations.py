"""Every label, option, description and message the app adds has a German translation."""

import ast
import csv
import importlib
import json
import re

from conftest import PACKAGE

TRANSLATIONS = PACKAGE / "translations" / "de.csv"
NOT_TEXT = {"Section Break", "Column Break", "Tab Break"}


def german() -> dict[str, str]:
	with TRANSLATIONS.open(encoding="utf-8") as f:
		return {row[0]: row[1] for row in csv.reader(f) if row}


def doctype_strings(doc: dict) -> set[str]:
	found = {doc["name"]}
	for field in doc.get("fields", []):
		for key in ("label", "description"):
			if field.get(key):
				found.add(field[key])
		if field.get("fieldtype") == "Select" and field.get("options"):
			found.update(o for o in field["options"].split("\n") if o)
	return found


def workspace_strings(doc: dict) -> set[str]:
	found = {doc["label"]}
	found.update(s["label"] for s in doc.get("shortcuts", []))
	found.update(s["format"] for s in doc.get("shortcuts", []) if s.get("format"))
	found.update(link["label"] for link in doc.get("links", []))
	for block in json.loads(doc.get("content") or "[]"):
		if block["type"] == "header":
			found.add(re.sub(r"<[^>]+>", "", block["data"]["text"]).strip())
	return found


def python_messages() -> set[str]:
	found = set()
	for path in PACKAGE.rglob("*.py"):
		for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
			if (
				isinstance(node, ast.Call)
				and isinstance(node.func, ast.Name)
				and node.func.id == "_"
				and node.args
				and isinstance(node.args[0], ast.Constant)
			):
				found.add(node.args[0].value)
			if (
				isinstance(node, ast.Call)
				and getattr(node.func, "id", None) in ("RuleError", "rule_check")
				and node.args
			):
				found.add(node.args[0].value)
	return found


JS_MESSAGE = re.compile(r"""__\(\s*(["'`])((?:(?!\1).)+)\1""")


def js_messages() -> set[str]:
	"""Literal strings passed to __() in the app's JavaScript (not template literals with ${...})."""
	found = set()
	for path in PACKAGE.rglob("*.js"):
		for _quote, text in JS_MESSAGE.findall(path.read_text(encoding="utf-8")):
			if "${" not in text:
				found.add(text.replace("\\'", "'").replace('\\"', '"'))
	return found


JINJA_MESSAGE = re.compile(r"""_\(\s*(["'])((?:(?!\1).)+)\1\s*\)""")


def print_format_strings(doc: dict) -> set[str]:
	"""The print format's name and the literal strings its Jinja template passes to _()."""
	return {doc["name"], *(text for _quote, text in JINJA_MESSAGE.findall(doc.get("html") or ""))}


def role_names() -> set[str]:
	tree = ast.parse((PACKAGE / "setup" / "roles.py").read_text(encoding="utf-8"))
	roles = next(n for n in ast.walk(tree) if isinstance(n, ast.AnnAssign) and n.target.id == "ROLES")
	found = set()
	for key, value in zip(roles.value.keys, roles.value.values, strict=True):
		found.add(key.value)
		found.update(
			v.value for k, v in zip(value.keys, value.values, strict=True) if k.value == "description"
		)
	return found


def custom_field_strings() -> set[str]:
	"""Labels, options and descriptions of the custom fields registered with the hook ``mq_custom_fields``.

	The registering functions must run without a site (keep the field definitions in plain Python)."""
	tree = ast.parse((PACKAGE / "hooks.py").read_text(encoding="utf-8"))
	hook = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "mq_custom_fields")
	found = set()
	for path in ast.literal_eval(hook.value):
		module, function = path.rsplit(".", 1)
		for rows in getattr(importlib.import_module(module), function)().values():
			found.update(doctype_strings({"name": rows[0]["module"], "fields": rows}))
	return found


def all_strings() -> dict[str, set[str]]:
	strings: dict[str, set[str]] = {
		"python": python_messages(),
		"javascript": js_messages(),
		"roles": role_names(),
	}
	strings["custom_fields"] = custom_field_strings()
	for path in PACKAGE.glob("*/doctype/*/*.json"):
		doc = json.loads(path.read_text(encoding="utf-8"))
		if doc.get("doctype") == "DocType":
			strings[path.stem] = doctype_strings(doc)
	for path in PACKAGE.glob("*/print_format/*/*.json"):
		strings[path.stem] = print_format_strings(json.loads(path.read_text(encoding="utf-8")))
	for path in PACKAGE.glob("*/workspace/*/*.json"):
		strings[path.stem] = workspace_strings(json.loads(path.read_text(encoding="utf-8")))
	modules = (PACKAGE / "modules.txt").read_text(encoding="utf-8").split("\n")
	strings["modules"] = {m for m in modules if m}
	return strings


def test_translation_file_is_well_formed():
	with TRANSLATIONS.open(encoding="utf-8") as f:
		rows = [row for row in csv.reader(f) if row]
	assert rows, "de.csv is empty"
	bad = [row for row in rows if len(row) != 2 or not row[1].strip()]
	assert not bad, f"rows without exactly one German text: {bad}"
	sources = [row[0] for row in rows]
	assert len(sources) == len(set(sources)), "a source text is listed twice"


def test_everything_the_app_adds_is_translated():
	de = german()
	missing = {where: sorted(s - de.keys()) for where, s in all_strings().items() if s - de.keys()}
	assert not missing, f"missing German translations: {missing}"


def test_placeholders_survive_translation():
	for source, target in german().items():
		assert re.findall(r"\{\w*\}", source) == re.findall(r"\{\w*\}", target), source
