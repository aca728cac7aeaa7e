// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// Discontinuing a coaching plan cannot be undone: the form asks first (Frappe waits for the returned Promise).

const DISCONTINUE = "Record Discontinuation";

frappe.ui.form.on("Coaching Plan", {
	before_workflow_action(frm) {
		if (frm.selected_workflow_action !== DISCONTINUE) return;
		frappe.dom.unfreeze(); // the workflow froze the page; the question must stay clickable
		return new Promise((resolve) => {
			frappe.confirm(
				__("Discontinue the coaching plan of {0}? This cannot be undone.", [
					frm.doc.participant_name || frm.doc.participant,
				]),
				() => {
					frappe.dom.freeze();
					resolve();
				},
				// declined: the promise stays pending, so the action is not applied
				() => (frm.selected_workflow_action = null)
			);
		});
	},
});
