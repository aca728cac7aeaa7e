# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class EnterpriseTrainingNeed(Document):
	pass
