# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PersonalDataAccess(Document):
	# begin: auto-generated types
	# end: auto-generated types

	pass
