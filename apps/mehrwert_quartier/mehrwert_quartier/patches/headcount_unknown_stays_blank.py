"""EECO19 (issue 13, docs/reports.md): the headcount of a business (``mq_employees``) keeps unknown blank.

The custom field was an Int, which Frappe stores as NOT NULL DEFAULT 0: a blank headcount read back as 0 and
counted the business as a micro enterprise. The field is now text (``rules/headcount.py`` checks it), and
the patch first turns the column into text (the custom fields are otherwise updated only after the patches).

Stored values on Lead, Prospect, Customer and Opportunity:
- 0 becomes blank (unknown). A stored 0 cannot be told apart from a blank: both were written as 0, and the
  version history records a cleared field as a change to 0 as well. A real 0 is rare (the EU headcount
  counts owner-managers, Recommendation 2003/361/EC, Annex Art. 5); such businesses are listed under
  *Headcount unknown* in the ESF Plus Indicators report (with a drill-down) until the coach enters it again.
- 1 or more: kept.
"""

import frappe

from mehrwert_quartier.qs_wirtschaft.crm_fields import CRM_DOCTYPES
from mehrwert_quartier.rules.headcount import FIELD
from mehrwert_quartier.setup.custom_fields import create_app_custom_fields


def execute():
	create_app_custom_fields()
	for doctype in CRM_DOCTYPES:
		if not frappe.db.has_column(doctype, FIELD):
			continue
		table = frappe.qb.DocType(doctype)
		column = table[FIELD]
		(
			frappe.qb.update(table)
			.set(column, None)
			.where(column.isin(["0", ""]) | (frappe.query_builder.functions.Trim(column) == ""))
		).run()
