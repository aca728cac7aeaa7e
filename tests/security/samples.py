"""Records of the demo data the tests probe, looked up once as Administrator."""

import functools
import json

from mehrwert_quartier.security.promises import PROMISES

RESTRICTED_CASE = "Entrepreneur receiving social transfers"
# a record each role may read where the DocType restricts records (the partner's own organisation)
PREFERRED = {"Partner Organisation": [["name", "=", "Jobcenter Leipzig"]]}
# Single DocTypes: the one record is named like the DocType
SINGLES = {"Programme Settings"}


def first(admin, doctype: str, filters=None) -> str | None:
	answer = admin.get(
		f"/api/resource/{doctype}",
		params={"filters": json.dumps(filters or []), "limit_page_length": 1, "order_by": "creation asc"},
	)
	data = answer.json().get("data") or []
	return data[0]["name"] if data else None


@functools.cache
def _names(admin_id: int, admin) -> dict[str, str]:
	names = {}
	for doctype in PROMISES:
		if doctype in SINGLES:
			names[doctype] = doctype
			continue
		filters = PREFERRED.get(doctype)
		if doctype == "Enterprise Support Case":
			filters = [["case_type", "!=", RESTRICTED_CASE]]
		names[doctype] = first(admin, doctype, filters)
	return names


def sample_names(admin) -> dict[str, str]:
	return _names(id(admin), admin)
