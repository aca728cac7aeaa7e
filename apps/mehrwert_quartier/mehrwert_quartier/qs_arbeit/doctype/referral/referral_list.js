// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Referral"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colour = {
			Proposed: "gray",
			Applied: "blue",
			Accepted: "cyan",
			Started: "purple",
			Completed: "green",
			Dropped: "orange",
			Rejected: "red",
		}[doc.status];
		return [__(doc.status), colour, `status,=,${doc.status}`];
	},
};
