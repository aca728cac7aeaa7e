"""Settlement requests have a settlement date of their own (``settled_on``, issue 13, docs/reports.md).

The programme activity report counted a settlement by the request's last change, which moves with every
later edit. Requests that settled before the field existed take the day of their last change, the best
record there is (a settled request is a final state: usually it was not changed again); the coach corrects
it on the form where the lease began on another day.
"""

import frappe
from frappe.query_builder.functions import Date


def execute():
	request = frappe.qb.DocType("Settlement Request")
	(
		frappe.qb.update(request)
		.set(request.settled_on, Date(request.modified))
		.where((request.status == "Settled") & request.settled_on.isnull())
	).run()
