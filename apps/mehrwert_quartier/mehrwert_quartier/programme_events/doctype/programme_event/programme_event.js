// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Programme Event", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.capacity) {
			const taken = frm.doc.registered_count || 0;
			frm.dashboard.add_progress(__("Seats"), (100 * taken) / frm.doc.capacity,
				__("{0} of {1} seats taken, {2} on the waitlist", [taken, frm.doc.capacity, frm.doc.waitlist_count || 0]));
		}
		frm.add_custom_button(__("Registrations"), () =>
			frappe.set_route("List", "Event Registration", { event: frm.doc.name })
		);
		frm.add_custom_button(__("Register Participant"), () =>
			frappe.new_doc("Event Registration", { event: frm.doc.name, attendee_type: "Participant" })
		);
		frm.add_custom_button(__("Attendance Sheet"), () =>
			frappe.utils.print(frm.doctype, frm.doc.name, "Attendance Sheet", 0, frappe.boot.lang)
		);
	},
});
