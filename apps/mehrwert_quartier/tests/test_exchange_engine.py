"""Partner exchange engine: the desk events of imported records do not pile up in one long transaction."""

import frappe

from mehrwert_quartier.partner_exchange.engine import drop_record_events


def test_the_rows_own_desk_events_are_dropped_and_everything_else_is_kept():
	earlier = ["doc_update", {"doctype": "Participant", "name": "TN-00001"}, "doc:Participant/TN-00001"]
	message = ["msgprint", {"message": "Hallo"}, "user:admin"]
	frappe.local._realtime_log = [earlier]
	frappe.local._realtime_log += [
		["doc_update", {"doctype": "Participant", "name": "TN-00002"}, "doc:Participant/TN-00002"],
		["list_update", {"doctype": "Participant", "name": "TN-00002"}, "doctype:Participant"],
		["list_update", {"doctype": "ToDo", "name": "1"}, "doctype:ToDo"],
		message,
	]
	try:
		drop_record_events("Participant", queued=1)
		assert frappe.local._realtime_log == [
			earlier,
			["list_update", {"doctype": "ToDo", "name": "1"}, "doctype:ToDo"],
			message,
		]
	finally:
		del frappe.local._realtime_log


def test_nothing_queued_nothing_to_drop():
	drop_record_events("Participant", queued=0)
	assert not hasattr(frappe.local, "_realtime_log")
