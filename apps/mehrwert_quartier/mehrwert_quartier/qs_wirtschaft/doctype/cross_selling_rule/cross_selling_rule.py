# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class CrosssellingRule(Document):
	"""Two complementary sectors (both ways) with the reason; read by ``qs_wirtschaft.cross_selling``."""
