"""The analysis reports of issue 18 and their workbook: Business Coach and Project Lead only."""

import io
import json

import pytest
from conftest import message, refused
from mehrwert_quartier.security.promises import ROLES
from openpyxl import load_workbook

REPORTS = ["Area Profile", "New-Work Target Groups", "Training Needs Analysis"]
READERS = ("Business Coach", "Project Lead")
FILTERS = json.dumps({"from_date": "2026-01-01", "to_date": "2026-12-31"})
DOWNLOAD = "mehrwert_quartier.reporting.report.training_needs_analysis.training_needs_analysis.download"


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("role", ROLES)
def test_analysis_reports_answer_only_coach_and_lead(sessions, role, report):
	answer = sessions[role].method("frappe.desk.query_report.run", report_name=report, filters=FILTERS)
	if role in READERS:
		assert answer.status_code == 200, answer.text[:300]
		assert message(answer)["result"], f"{report} is empty on the demo data"
	else:
		assert refused(answer), f"{role} ran {report}: {answer.status_code}"


@pytest.mark.parametrize("role", ROLES)
def test_training_needs_workbook_only_for_coach_and_lead(sessions, role):
	answer = sessions[role].method(DOWNLOAD, filters=FILTERS)
	if role in READERS:
		assert answer.status_code == 200, answer.text[:300]
		sheet = load_workbook(io.BytesIO(answer.content)).active
		assert sheet.max_row > 1
	else:
		assert refused(answer), f"{role} downloaded the training needs: {answer.status_code}"
