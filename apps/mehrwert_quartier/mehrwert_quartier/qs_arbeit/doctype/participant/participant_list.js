frappe.listview_settings["Participant"] = {
	add_fields: ["esf_complete", "exit_date"],
	get_indicator(doc) {
		if (!doc.esf_complete) {
			return [__("ESF data incomplete"), "red", "esf_complete,=,0"];
		}
		if (doc.exit_date) {
			return [__("Exited"), "gray", "exit_date,is,set"];
		}
		return [__("Active"), "green", "esf_complete,=,1"];
	},
};
