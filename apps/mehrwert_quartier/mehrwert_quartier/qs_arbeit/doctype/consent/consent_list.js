frappe.listview_settings["Consent"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		return doc.status === "Withdrawn"
			? [__("Withdrawn"), "red", "status,=,Withdrawn"]
			: [__("Valid"), "green", "status,=,Valid"];
	},
};
