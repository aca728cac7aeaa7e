// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.query_reports["New-Work Target Groups"] = {
	filters: mehrwert_quartier.analysis_filters(),
};
