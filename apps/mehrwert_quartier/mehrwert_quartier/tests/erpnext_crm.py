"""The site for ERPNext's own CRM tests with the app installed (``scripts/test.sh``, step of the integration
layer). ERPNext's test records name English fixtures ("All Customer Groups", "Bank Accounts - _TC"), so the
site is set up the way ERPNext's test runner sets up its own: in English, by ERPNext's ``before_tests``.

This machine reaches no exchange-rate service (ERPNext asks one for a missing rate); the one rate ERPNext's
Opportunity test converts with is stored as a Currency Exchange record, as a user without network would.
"""

import frappe
from frappe.utils import add_days, today

RATES = {("USD", "INR"): 83.0}


def prepare() -> None:
	from erpnext.setup.utils import before_tests

	before_tests()
	for (source, target), rate in RATES.items():
		if not frappe.db.exists("Currency Exchange", {"from_currency": source, "to_currency": target}):
			frappe.get_doc(
				{
					"doctype": "Currency Exchange",
					"date": add_days(today(), -1),
					"from_currency": source,
					"to_currency": target,
					"exchange_rate": rate,
					"for_buying": 1,
					"for_selling": 1,
				}
			).insert(ignore_permissions=True)
	frappe.db.commit()
