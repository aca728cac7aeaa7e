"""XSS, formula and SQL payloads: the app's JS escapes, its workbooks hold no formulas, its queries no SQL."""

import base64
import io
import json
import re
from pathlib import Path

import pytest
from conftest import message, refused
from openpyxl import load_workbook
from samples import first

APP = Path(__file__).resolve().parents[2] / "apps" / "mehrwert_quartier" / "mehrwert_quartier"
JS_FILES = sorted(p for p in APP.rglob("*.js") if "/dist/" not in str(p) and "node_modules" not in str(p))
# an interpolation into markup is safe when escaped, translated with escaped arguments, or a number
SAFE = re.compile(
	r"^(frappe\.utils\.escape_html|escape_html|esc\(|encodeURIComponent|__\(\s*[\"']|format_currency|"
	r"frappe\.format|cint|flt|Math\.|Number|[\w.]*\.length$|[\w.]*(score|points|count|hours|total|index|i|idx)$|"
	r"[\w.]*\.toFixed|frappe\.utils\.get_form_link|frappe\.utils\.icon|"
	# document names and the routes the server builds from them; escaped lists joined
	r"[\w.]*\.(name|route)$|.*\.map\((frappe\.utils\.)?escape_html\)\.join)"
)
FORMULA_START = ("=", "+", "-", "@")
PAYLOAD = '=HYPERLINK("http://evil.example","x")'


def unescaped(source: str) -> list[str]:
	"""Interpolations ``${…}`` inside template literals that build markup, not passed through an escaper."""
	local = set(re.findall(r"\b(?:const|let)\s+(\w+)\s*=", source))  # composed markup, checked where built
	found = []
	for line in source.splitlines():
		if "<" in line:
			exprs = re.findall(r"\$\{\s*([^}]+?)\s*\}", line)
			found += [e for e in exprs if not SAFE.match(e) and e not in local]
	return found


@pytest.mark.parametrize("path", JS_FILES, ids=lambda p: p.name)
def test_app_js_escapes_what_it_renders(path):
	assert not unescaped(path.read_text(encoding="utf-8")), f"{path.name}: unescaped in markup"


def test_a_computed_batch_field_cannot_carry_script(sessions):
	counsellor = sessions["Counsellor"]
	data = base64.b64encode(b"provider_name\nXSS-Probe Bildung\n").decode()
	batch = message(
		counsellor.method(
			"mehrwert_quartier.partner_exchange.api.upload",
			import_doctype="Training Provider",
			filename="plz.csv",
			filedata=data,
		)
	)
	assert batch, "the counsellor's upload"
	payload = '[{"row": "<img src=x onerror=alert(1)>", "action": "<script>alert(1)</script>"}]'
	counsellor.put(f"/api/resource/Import Batch/{batch['name']}", json={"changes": payload})
	stored = counsellor.get(f"/api/resource/Import Batch/{batch['name']}").json()["data"]
	assert "<script>" not in (stored.get("changes") or "") and "onerror" not in (stored.get("changes") or "")


def assert_no_formula(content: bytes, what: str) -> None:
	book = load_workbook(io.BytesIO(content))
	for sheet in book.worksheets:
		for row in sheet.iter_rows():
			for cell in row:
				assert cell.data_type != "f", f"{what}: formula in {sheet.title}!{cell.coordinate}"
				if isinstance(cell.value, str) and not cell.quotePrefix:
					assert not cell.value.startswith(FORMULA_START), (
						f"{what}: {sheet.title}!{cell.coordinate}"
					)


@pytest.fixture(scope="module")
def formula_provider(admin):
	name = first(admin, "Training Provider", [["provider_name", "=", PAYLOAD]])
	if not name:
		answer = admin.post("/api/resource/Training Provider", json={"provider_name": PAYLOAD})
		assert answer.status_code == 200, answer.text[:300]
	return PAYLOAD


EXCHANGE = "mehrwert_quartier.partner_exchange"


@pytest.mark.parametrize("doctype", ["Training Provider", "Training Offer", "Participant", "Referral"])
def test_templates_hold_no_formula(admin, formula_provider, doctype):
	answer = admin.get(f"/api/method/{EXCHANGE}.api.download_template", params={"doctype": doctype})
	assert answer.status_code == 200, answer.text[:300]
	assert_no_formula(answer.content, f"template {doctype}")


def test_exports_hold_no_formula(admin, formula_provider):
	answer = admin.get(f"/api/method/{EXCHANGE}.api.export_list", params={"doctype": "Training Provider"})
	assert answer.status_code == 200, answer.text[:300]
	assert_no_formula(answer.content, "export_list")
	desk = admin.method(
		"frappe.desk.reportview.export_query",
		doctype="Training Provider",
		file_format_type="Excel",
		fields=["`tabTraining Provider`.`name`", "`tabTraining Provider`.`provider_name`"],
		filters=[],
	)
	assert desk.status_code == 200, desk.text[:300]
	assert_no_formula(desk.content, "report builder export")


def test_error_reports_and_participant_export_hold_no_formula(admin, sessions):
	data = base64.b64encode(
		f'first_name,last_name,date_of_birth\n"{PAYLOAD}",x,kein Datum\n'.encode()
	).decode()
	batch = message(
		admin.method(f"{EXCHANGE}.api.upload", import_doctype="Participant", filename="f.csv", filedata=data)
	)
	report = admin.get(
		f"/api/method/{EXCHANGE}.portal.download_error_report", params={"batch": batch["name"]}
	)
	assert report.status_code == 200, report.text[:300]
	assert_no_formula(report.content, "error report")
	shared = sessions["Programme Partner"].get(
		f"/api/method/{EXCHANGE}.sharing.export_participants",
		params={"partner_organisation": "Jobcenter Leipzig"},
	)
	assert shared.status_code == 200, shared.text[:300]
	assert_no_formula(shared.content, "participant export")


SQL = ["name` or 1=1 or `name", "x' or '1'='1", "1) or (1=1", "x\\' union select 1 -- "]


@pytest.mark.parametrize("payload", SQL)
def test_export_filters_take_no_sql(sessions, payload):
	answer = sessions["Counsellor"].get(
		f"/api/method/{EXCHANGE}.api.export_list",
		params={"doctype": "Participant", "filters": f'[["{payload}", "=", "x"]]'.replace("\\", "\\\\")},
	)
	assert answer.status_code in (400, 403, 417, 422), f"{answer.status_code}: a bad filter answered"


@pytest.mark.parametrize("payload", SQL)
def test_whitelisted_arguments_take_no_sql(sessions, payload):
	coach, counsellor = sessions["Business Coach"], sessions["Counsellor"]
	calls = [
		coach.method(
			"mehrwert_quartier.qs_wirtschaft.doctype.commercial_unit.commercial_unit.rank_for_request",
			programme_area=payload,
			use_type=payload,
		),
		coach.method(
			"mehrwert_quartier.qs_wirtschaft.cross_selling.get_suggestions", doctype="Lead", name=payload
		),
		coach.method(
			"mehrwert_quartier.reporting.report.training_needs_analysis.training_needs_analysis.download",
			filters=json.dumps(
				{"from_date": "2026-01-01", "to_date": "2026-12-31", "programme_area": payload}
			),
		),
		coach.method("mehrwert_quartier.qs_wirtschaft.business_search.search_businesses", txt=payload),
		counsellor.method(
			"mehrwert_quartier.qs_arbeit.duplicates.find_duplicates", first_name=payload, last_name=payload
		),
		counsellor.method(
			"mehrwert_quartier.qs_arbeit.offer_finder.find_offers", participant=payload, area=payload
		),
		counsellor.method(
			"mehrwert_quartier.qs_arbeit.job_matching.vacancies_for_participant", participant=payload
		),
		counsellor.method(
			f"{EXCHANGE}.api.importable_doctype_query",
			doctype="DocType",
			txt=payload,
			searchfield="name",
			start=0,
			page_len=10,
		),
	]
	for answer in calls:
		assert answer.status_code < 500, answer.text[:300]
