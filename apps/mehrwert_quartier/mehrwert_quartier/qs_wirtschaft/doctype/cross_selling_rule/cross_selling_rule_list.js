// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Cross-selling Rule"] = {
	add_fields: ["active"],
	get_indicator(doc) {
		return doc.active ? [__("Active"), "green", "active,=,1"] : [__("Inactive"), "gray", "active,=,0"];
	},
};
