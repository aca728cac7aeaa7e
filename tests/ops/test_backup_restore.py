"""Issue 16: a backup taken with `make backup` (bench backup --with-files) restores with `make restore` into a
fresh site holding every record of every app DocType and every file, byte for byte."""

from conftest import bench, execute


def test_a_backup_of_the_demo_site_restores_into_a_fresh_site_with_every_record_and_file(site, restored):
	assert any(path.endswith("-private-files.tar") for path in restored["paths"]), restored["paths"]
	assert any(path.endswith("-files.tar") for path in restored["paths"]), restored["paths"]
	original = execute(site, "mehrwert_quartier.ops.fingerprint.site_fingerprint")
	copy = execute(restored["site"], "mehrwert_quartier.ops.fingerprint.site_fingerprint")
	assert restored["private_file"] in original["private_files"]
	assert original["doctypes"]["Participant"]["count"] > 0  # the demo data
	for doctype, fingerprint in original["doctypes"].items():
		assert copy["doctypes"].get(doctype) == fingerprint, doctype
	assert copy["doctypes"].keys() == original["doctypes"].keys()
	assert copy["private_files"] == original["private_files"]
	assert copy["public_files"] == original["public_files"]
	assert "mehrwert_quartier" in bench(restored["site"], "list-apps")
