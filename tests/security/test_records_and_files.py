"""Restricted record classes, private files and the partner's scope over HTTP."""

import base64
import json

import pytest
from conftest import message, refused
from mehrwert_quartier.security.promises import ROLES
from samples import RESTRICTED_CASE, first

CASE = "Enterprise Support Case"
CASE_OUTSIDERS = [r for r in ROLES if r not in ("Business Coach", "Project Lead")]
CHILDREN = [
	"Enterprise Support Need",
	"Enterprise Support Step",
	"Enterprise Support Referral",
	"Enterprise Training Need",
]
PARTNER_OUTSIDERS = ["Counsellor", "Business Coach", "Programme Partner", "Data Protection Officer"]


@pytest.fixture(scope="module")
def restricted_case(admin):
	return first(admin, CASE, [["case_type", "=", RESTRICTED_CASE]])


@pytest.mark.parametrize("role", CASE_OUTSIDERS)
def test_restricted_case_is_not_read_nor_counted(sessions, restricted_case, role):
	session = sessions[role]
	assert refused(session.get(f"/api/resource/{CASE}/{restricted_case}"))
	counts = [
		session.method("frappe.client.get_count", doctype=CASE, filters=[["case_type", "=", value]])
		for value in (RESTRICTED_CASE, "zz-no-such-case-type")
	]
	assert refused(counts[0]) or message(counts[0]) == message(counts[1])
	grouped = session.method(
		"frappe.desk.listview.get_group_by_count", doctype=CASE, current_filters=[], field="case_type"
	)
	assert refused(grouped) or RESTRICTED_CASE not in grouped.text


@pytest.mark.parametrize("child", CHILDREN)
@pytest.mark.parametrize("role", CASE_OUTSIDERS)
def test_child_rows_of_a_restricted_case_stay_hidden(sessions, restricted_case, role, child):
	answer = sessions[role].get(
		f"/api/resource/{child}",
		params={"parent": CASE, "filters": json.dumps([["parent", "=", restricted_case]]), "fields": '["*"]'},
	)
	assert refused(answer) or answer.status_code >= 400 or not answer.json().get("data")


def test_a_partner_reads_only_its_own_organisation(sessions):
	partner = sessions["Programme Partner"]
	listed = partner.get("/api/resource/Partner Organisation", params={"limit_page_length": 0}).json()
	assert [row["name"] for row in listed.get("data") or []] in ([], ["Jobcenter Leipzig"])
	other = partner.get("/api/resource/Partner Organisation/DAA - Deutsche Angestellten-Akademie Sachsen")
	assert refused(other)
	mentions = partner.method("frappe.desk.search.get_names_for_mentions", search_term="")
	assert refused(mentions) or "mehrwert.example" not in mentions.text


@pytest.fixture(scope="module")
def private_file(admin):
	"""A private file of Administrator's, not attached to any record a role may read."""
	content = base64.b64encode(b"geheim;vertraulich\n").decode()
	answer = admin.method(
		"frappe.handler.upload_file", filename="geheim.csv", is_private=1, filedata=content, file_url=""
	)
	if answer.status_code != 200:
		answer = admin.post(
			"/api/method/upload_file",
			files={"file": ("geheim.csv", b"geheim;vertraulich\n")},
			data={"is_private": 1},
		)
	return message(answer)["file_url"]


@pytest.mark.parametrize("role", ["Counsellor", "Business Coach", "Programme Partner", "Guest"])
def test_someone_elses_private_file_stays_private(sessions, private_file, role):
	session = sessions[role]
	assert session.get(private_file).status_code in (401, 403, 404)
	session.post("/api/resource/File", json={"file_url": private_file, "is_private": 1})
	fetched = session.get(private_file)
	assert fetched.status_code in (401, 403, 404) and b"vertraulich" not in fetched.content
	counts = [
		session.method("frappe.client.get_count", doctype="File", filters=[["file_url", "like", like]])
		for like in (f"%{private_file[-12:]}%", "%zz-no-such-file%")
	]
	assert refused(counts[0]) or message(counts[0]) == message(counts[1])


def _upload(session, doctype: str, header: str, row: str, organisation=None):
	data = base64.b64encode(f"{header}\n{row}\n".encode()).decode()
	extra = {"partner_organisation": organisation} if organisation else {}
	return session.method(
		"mehrwert_quartier.partner_exchange.api.upload",
		import_doctype=doctype,
		filename="zeilen.csv",
		filedata=data,
		**extra,
	)


def test_a_partner_cannot_upsert_another_organisations_referral(sessions, admin):
	name = first(admin, "Referral")
	referral = admin.get(f"/api/resource/Referral/{name}").json()["data"]
	answer = _upload(
		sessions["Programme Partner"],
		"Referral",
		"participant,offer",
		f"{referral['participant']},{referral['offer']}",
	)
	result = message(answer) or {}
	counts = result.get("counts") or {}
	assert not (counts.get("updated_rows") or counts.get("unchanged_rows")), result
	assert referral["status"] not in json.dumps(result, ensure_ascii=False) or not result


def test_a_partner_cannot_read_another_organisations_batch(sessions, admin):
	_upload(admin, "Postcode Area", "postcode,programme_area", "04318,Leipziger Osten")
	batch = first(admin, "Import Batch", [["owner", "=", "Administrator"]])
	partner = sessions["Programme Partner"]
	assert refused(partner.get(f"/api/resource/Import Batch/{batch}"))
	status = partner.method("mehrwert_quartier.partner_exchange.portal.batch_status", batch=batch)
	assert refused(status) or status.status_code >= 400
