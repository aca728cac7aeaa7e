// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Programme Event"] = {
	add_fields: ["status", "capacity", "registered_count", "waitlist_count"],
	get_indicator(doc) {
		const colour = { Planned: "gray", "Open for Registration": "blue", Held: "orange", Documented: "green" }[
			doc.status
		];
		return [__(doc.status), colour, `status,=,${doc.status}`];
	},
	calendar_view: true,
	// the Map view (issue 18): the events pinned on the map, coloured by event type
	get_coords_method: "mehrwert_quartier.maps.get_coords",
};
