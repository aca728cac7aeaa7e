# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class RetentionRule(Document):
	# begin: auto-generated types
	# end: auto-generated types

	pass
