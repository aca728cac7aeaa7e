// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// Kanban cards of opportunities show type, programme area and coach (qs_wirtschaft/b2b_setup.py,
// KANBAN_CARD_FIELDS): Frappe v15 renders a board's card fields from the list query, which fetches only
// the fields of the list view and the list settings' add_fields, so they are added here.
(() => {
	const settings = (frappe.listview_settings["Opportunity"] ||= {});
	const card_fields = ["opportunity_type", "mq_programme_area", "opportunity_owner"];
	settings.add_fields = [...new Set([...(settings.add_fields || []), ...card_fields])];
})();
