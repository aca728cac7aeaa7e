// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Job Vacancy"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colour = { Open: "green", Filled: "blue", Closed: "gray" }[doc.status];
		return [__(doc.status), colour, `status,=,${doc.status}`];
	},
};
