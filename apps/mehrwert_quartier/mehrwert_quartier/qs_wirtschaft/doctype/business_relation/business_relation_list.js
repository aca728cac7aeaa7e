// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Business Relation"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colour = { Idea: "gray", Contacted: "blue", Agreed: "cyan", Active: "green", Ended: "darkgrey" }[doc.status];
		return [__(doc.status), colour, `status,=,${doc.status}`];
	},
};
