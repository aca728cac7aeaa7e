// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Placement"] = {
	add_fields: ["placement_type"],
	get_indicator(doc) {
		return [__(doc.placement_type), doc.placement_type === "Job-to-job Change" ? "purple" : "green",
			`placement_type,=,${doc.placement_type}`];
	},
};
