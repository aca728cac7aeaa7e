# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PersonalDataAccess(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accessed_on: DF.Datetime | None
		action: DF.Literal["Read", "Export", "Access export"]
		participant: DF.Link | None
		record_count: DF.Int
		reference_doctype: DF.Link | None
		reference_name: DF.DynamicLink | None
		route: DF.Data | None
		user: DF.Link | None
	# end: auto-generated types

	pass
