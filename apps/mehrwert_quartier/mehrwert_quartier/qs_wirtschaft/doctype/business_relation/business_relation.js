// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Business Relation", {
	setup(frm) {
		for (const field of ["business_a_doctype", "business_b_doctype"]) {
			frm.set_query(field, () => ({ filters: { name: ["in", ["Lead", "Prospect", "Customer"]] } }));
		}
	},
});
