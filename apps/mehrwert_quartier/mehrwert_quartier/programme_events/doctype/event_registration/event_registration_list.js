// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Event Registration"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colour = { Registered: "blue", Waitlisted: "orange", Cancelled: "gray", Attended: "green",
			"No-show": "red" }[doc.status];
		return [__(doc.status), colour, `status,=,${doc.status}`];
	},
};
