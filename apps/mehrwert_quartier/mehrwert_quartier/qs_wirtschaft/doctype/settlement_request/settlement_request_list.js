// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Settlement Request"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colour = { Open: "blue", "Units Proposed": "cyan", Reserved: "orange", Settled: "green", Withdrawn: "gray" }[
			doc.status
		];
		return [__(doc.status), colour, `status,=,${doc.status}`];
	},
};
