// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Training Offer"] = {
	add_fields: ["review_status"],
	get_indicator(doc) {
		return doc.review_status === "Current"
			? [__("Current"), "green", "review_status,=,Current"]
			: [__("Review Due"), "orange", "review_status,=,Review Due"];
	},
};
