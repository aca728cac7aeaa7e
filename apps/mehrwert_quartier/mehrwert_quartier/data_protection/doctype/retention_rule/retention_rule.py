# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class RetentionRule(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		counted_from: DF.Data | None
		legal_source: DF.SmallText | None
		months: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		record_kind: DF.Literal[
			"ESF participant",
			"Walk-in contact",
			"Import file and error report",
			"Access log",
			"Data subject request",
		]
		years: DF.Int
	# end: auto-generated types

	pass
