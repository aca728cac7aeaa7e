// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.listview_settings["Commercial Unit"] = {
	// the Map view (issue 18): the units pinned on the map, coloured by status (vacant, reserved, let, ...)
	get_coords_method: "mehrwert_quartier.maps.get_coords",
};
