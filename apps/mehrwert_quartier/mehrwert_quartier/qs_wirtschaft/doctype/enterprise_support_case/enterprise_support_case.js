// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Enterprise Support Case", {
	setup(frm) {
		frm.set_query("business_doctype", () => ({
			filters: { name: ["in", ["Lead", "Prospect", "Customer"]] },
		}));
	},
});
