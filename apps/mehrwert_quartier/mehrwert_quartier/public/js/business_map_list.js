// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// The businesses (Lead, Prospect, Customer) in the list's Map view, coloured by business type (issue 18).
// Loaded after ERPNext's own list settings of the DocType (hook doctype_list_js).

["Lead", "Prospect", "Customer"].forEach((doctype) => {
	frappe.listview_settings[doctype] = frappe.listview_settings[doctype] || {};
	frappe.listview_settings[doctype].get_coords_method = "mehrwert_quartier.maps.get_coords";
});
