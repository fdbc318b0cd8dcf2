"""The "Record transaction" dialog in real QGIS, filled through its widgets: saved transactions
are found in the reopened working copy with their rights and history; invalid entries show
their message inline and write nothing."""
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDate

from cadastre_plugin.core.transactions.history import parcel_history
from cadastre_plugin.core.transactions.state import State
from cadastre_plugin.core.working_copy import WorkingCopy
from tx_ui_helpers import activate, choose, free_parcels, select_parcel, snapshot

WHY_NO_SELECTION = "Select the parcel to record a transaction on"
WHY_NO_LAYER = "Select the parcel layer of a Cadastre Editor working copy"


def open_dialog(qgis_iface, controller, layer, *uuids):
    layer.selectByExpression("\"uuid\" IN ({})".format(",".join(f"'{u}'" for u in uuids)))
    activate(qgis_iface, layer)
    assert controller.actions["record_transaction"].isEnabled()
    dialog = controller.transactions.record_transaction()
    assert dialog is not None and dialog.parcels_label.text()
    return dialog


def fill_document(dialog, dossier="HS-2025-0777"):
    dialog.document.dossier.setText(dossier)
    dialog.document.date.setDate(QDate(2025, 3, 14))
    dialog.document.authority.setText("Chi nhánh VPĐKĐĐ huyện An Dương")
    dialog.document.officer.setText("can.bo.test")


def new_person(section, name, year, cccd):
    form = section.new_party
    choose(form.kind, "individual")
    form.name.setText(name)
    form.birth_year.setValue(year)
    form.citizen_id.setText(cccd)
    form.add_button.click()


def test_record_is_enabled_only_with_a_selected_parcel(qgis_iface, controller, parcels):
    activate(qgis_iface, parcels)
    action = controller.actions["record_transaction"]
    assert not action.isEnabled() and action.toolTip() == WHY_NO_SELECTION
    parcels.selectByIds([next(parcels.getFeatures()).id()])
    assert action.isEnabled() and "registration change" in action.toolTip()
    parcels.removeSelection()
    assert not action.isEnabled()
    other = QgsVectorLayer("Point?crs=EPSG:4326", "points", "memory")
    QgsProject.instance().addMapLayer(other)
    activate(qgis_iface, other)
    assert not action.isEnabled() and action.toolTip() == WHY_NO_LAYER
    for key in ("parcel_info", "parcel_history"):
        assert not controller.actions[key].isEnabled()


def test_a_transfer_filled_in_the_dialog_is_recorded(qgis_iface, controller, parcels, wc_path):
    (p,) = free_parcels(wc_path)
    dialog = open_dialog(qgis_iface, controller, parcels, p)
    choose(dialog.type, "CN")
    assert dialog.holders.isVisibleTo(dialog) and dialog.transferors.isVisibleTo(dialog)
    assert not dialog.mortgage.isVisibleTo(dialog)
    assert dialog.transferors.list.count() >= 1  # the current holders, ticked
    fill_document(dialog)
    new_person(dialog.holders, "Trần Văn Khoa", 1986, "031086123456")
    assert dialog.holders.table.rowCount() == 1
    assert dialog.holders.table.item(0, 1).text() == "1"
    dialog.save_button.click()
    assert dialog.outcome is not None, dialog.errors.text()

    with WorkingCopy.open(str(wc_path)) as wc:
        row = wc.conn.execute("SELECT type_code, dossier_no, recorded_by, document_date FROM "
                              "transactions WHERE uuid = ?",
                              (dialog.outcome.transaction_uuid,)).fetchone()
        assert row == ("CN", "HS-2025-0777", "can.bo.test", "2025-03-14")
        state = State(wc.conn)
        (holder,) = state.right(p).holders
        assert state.party(holder).name == "Trần Văn Khoa"
        assert state.party(holder).citizen_id == "031086123456"
        history = parcel_history(wc, p)
        assert history.entries[-1].transaction.uuid == dialog.outcome.transaction_uuid
        ops = wc.conn.execute("SELECT DISTINCT operation FROM journal").fetchall()
        assert ops == [("transaction:CN",)]
    assert parcels.selectedFeatureCount() == 1


def test_an_invalid_entry_shows_its_message_and_writes_nothing(qgis_iface, controller, parcels,
                                                              wc_path):
    (p,) = free_parcels(wc_path)
    before = snapshot(wc_path)
    dialog = open_dialog(qgis_iface, controller, parcels, p)
    choose(dialog.type, "CN")
    fill_document(dialog)
    new_person(dialog.holders, "Lê Thị Hạnh", 1990, "031190")  # a CCCD too short
    dialog.holders.table.item(0, 1).setText("1/2")
    dialog.save_button.click()
    assert dialog.outcome is None and dialog.result() != dialog.Accepted
    texts = dialog.issue_texts()
    assert any("must be exactly 12 digits" in t for t in texts)
    assert any("The shares sum to 1/2, not 1" in t for t in texts)
    assert dialog.holders.title().startswith("⚠")
    assert not dialog.errors.isHidden()
    assert snapshot(wc_path) == before

    # Corrected in place, it records.
    dialog.holders.table.item(0, 1).setText("1")
    dialog.holders.table.removeRow(0)
    new_person(dialog.holders, "Lê Thị Hạnh", 1990, "031190654321")
    dialog.save_button.click()
    assert dialog.outcome is not None, dialog.errors.text()
    assert snapshot(wc_path)["transactions"] == before["transactions"] + 1


def test_an_unreadable_share_is_explained(qgis_iface, controller, parcels, wc_path):
    (p,) = free_parcels(wc_path)
    dialog = open_dialog(qgis_iface, controller, parcels, p)
    fill_document(dialog)
    new_person(dialog.holders, "Phan Văn Tài", 1970, "031070111222")
    dialog.holders.table.item(0, 1).setText("một nửa")
    assert not dialog.save()
    assert any("is not a number" in t for t in dialog.issue_texts())


def test_mortgage_and_release_through_the_dialog(qgis_iface, controller, parcels, wc_path):
    (p,) = free_parcels(wc_path)
    dialog = open_dialog(qgis_iface, controller, parcels, p)
    choose(dialog.type, "TC")
    assert dialog.mortgage.isVisibleTo(dialog) and not dialog.holders.isVisibleTo(dialog)
    fill_document(dialog, "TC-01")
    dialog.save_button.click()  # no creditor yet
    assert dialog.outcome is None
    assert any("creditor" in t for t in dialog.issue_texts())
    assert dialog.mortgage.title().startswith("⚠")

    dialog.mortgage.search.field.setText("ngan hang")  # typed without accents
    assert dialog.mortgage.search.results.count() >= 1
    dialog.mortgage.search.add_button.click()
    assert dialog.mortgage.creditor.name.startswith("Ngân hàng")
    dialog.mortgage.registered_on.setDate(QDate(2025, 3, 15))
    dialog.save_button.click()
    assert dialog.outcome is not None, dialog.errors.text()
    with WorkingCopy.open(str(wc_path)) as wc:
        (m,) = State(wc.conn).restrictions(p)
        assert m.registered_on == "2025-03-15"

    release = open_dialog(qgis_iface, controller, parcels, p)
    choose(release.type, "XC")
    assert release.release.choice.count() == 1
    fill_document(release, "XC-01")
    release.save_button.click()
    assert release.outcome is not None, release.errors.text()
    with WorkingCopy.open(str(wc_path)) as wc:
        assert State(wc.conn).restrictions(p) == []


def test_merge_through_the_dialog_changes_the_map(qgis_iface, controller, parcels, wc_path):
    import shapely

    with WorkingCopy.open(str(wc_path)) as wc:
        _, geoms, attrs = wc.parcel_arrays()
        free = set(free_parcels(wc_path, 60))
        pairs = shapely.STRtree(geoms).query(geoms, predicate="touches")
        a, b = next((attrs["uuid"][i], attrs["uuid"][j]) for i, j in zip(*pairs)
                    if i < j and attrs["uuid"][i] in free and attrs["uuid"][j] in free
                    and shapely.intersection(geoms[i], geoms[j]).length > 1)
    count = parcels.featureCount()
    dialog = open_dialog(qgis_iface, controller, parcels, a, b)
    choose(dialog.type, "TN")
    assert dialog.geometry.merge.isChecked()
    fill_document(dialog, "TN-01")
    dialog.save_button.click()  # different holders: the dialog asks for the new ones
    assert dialog.outcome is None
    assert any("different holders" in t for t in dialog.issue_texts())
    new_person(dialog.holders, "Vũ Minh Đức", 1975, "031075999888")
    dialog.save_button.click()
    assert dialog.outcome is not None, dialog.errors.text()
    (child,) = dialog.outcome.parcels_after
    assert parcels.featureCount() == count - 1  # the layer was re-read
    assert [f["uuid"] for f in parcels.getSelectedFeatures()] == [child]
    with WorkingCopy.open(str(wc_path)) as wc:
        history = parcel_history(wc, child)
        assert {link.parent_uuid for link in history.ancestors} == {a, b}
        assert State(wc.conn).right(child).holders


def test_change_of_land_use_and_a_scan(qgis_iface, controller, parcels, wc_path, tmp_path):
    (p,) = free_parcels(wc_path, where="landuse = 'CLN'")
    scan = tmp_path / "quyet-dinh.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    dialog = open_dialog(qgis_iface, controller, parcels, p)
    choose(dialog.type, "CM")
    assert dialog.parcel_changes.landuse.isVisibleTo(dialog)
    assert not dialog.parcel_changes.address.isVisibleTo(dialog)
    fill_document(dialog, "CM-01")
    choose(dialog.parcel_changes.landuse, "ONT")
    dialog.term.given.setChecked(True)
    dialog.term.long_term.setChecked(True)
    dialog.scans.add_file(str(scan), "decision")
    dialog.save_button.click()
    assert dialog.outcome is not None, dialog.errors.text()
    feature = next(parcels.getSelectedFeatures())
    assert feature["landuse"] == "ONT"
    with WorkingCopy.open(str(wc_path)) as wc:
        right = State(wc.conn).right(p)
        assert (right.landuse, right.term_end) == ("ONT", None)
        detail = parcel_history(wc, p).entries[-2].transaction  # then the new version
        assert [(d.original_name, role) for d, role in detail.documents] == [
            ("quyet-dinh.pdf", "decision")]


def test_unsaved_layer_edits_are_refused(qgis_iface, controller, parcels, wc_path):
    (p,) = free_parcels(wc_path)
    dialog = open_dialog(qgis_iface, controller, parcels, p)
    parcels.startEditing()
    fid = next(parcels.getSelectedFeatures()).id()
    parcels.changeAttributeValue(fid, parcels.fields().indexOf("address"), "Thôn Mới")
    fill_document(dialog)
    assert not dialog.save()
    assert any("unsaved edits" in t for t in dialog.issue_texts())
    parcels.rollBack()


def test_the_information_dock_shows_holders_restrictions_and_certificate(
        qgis_iface, controller, parcels, wc_path):
    with WorkingCopy.open(str(wc_path)) as wc:
        p, serial = wc.conn.execute(
            "SELECT cp.parcel_uuid, c.serial FROM certificates c JOIN certificate_parcels cp ON "
            "cp.certificate_uuid = c.uuid JOIN restrictions r ON r.parcel_uuid = cp.parcel_uuid "
            "WHERE c.status = 'valid' AND r.released_on IS NULL LIMIT 1").fetchone()
        holders = [State(wc.conn).party_name(h) for h in State(wc.conn).right(p).holders]
    select_parcel(parcels, p)
    activate(qgis_iface, parcels)
    controller.actions["parcel_info"].trigger()
    dock = controller.transactions.info_dock
    sections = {dock.tree.topLevelItem(i).text(0): dock.tree.topLevelItem(i)
                for i in range(dock.tree.topLevelItemCount())}
    assert set(sections) == {"Parcel", "Rights and holders", "Restrictions", "Certificate"}
    right = sections["Rights and holders"].child(0)
    names = [right.child(k).text(0) for k in range(right.childCount())]
    assert all(any(n.startswith(h) for n in names) for h in holders)
    assert sections["Restrictions"].child(0).text(0) == "Mortgage"
    assert sections["Certificate"].child(0).text(0) == serial


def test_messages_are_in_vietnamese_when_qgis_is(qgis_iface, controller, parcels, wc_path,
                                                 monkeypatch):
    from cadastre_plugin.ui.transactions import record_dialog

    monkeypatch.setattr(record_dialog, "ui_language", lambda: "vi")
    (p,) = free_parcels(wc_path)
    dialog = open_dialog(qgis_iface, controller, parcels, p)
    choose(dialog.type, "TC")
    dialog.save_button.click()
    texts = dialog.issue_texts()
    assert any("cần có số hồ sơ" in t for t in texts)
    assert any("bên nhận thế chấp" in t for t in texts)


def test_split_through_the_dialog_keeps_the_holders(qgis_iface, controller, parcels, wc_path):
    (p,) = free_parcels(wc_path, where="area > 300")
    with WorkingCopy.open(str(wc_path)) as wc:
        holders = State(wc.conn).right(p).holders
    dialog = open_dialog(qgis_iface, controller, parcels, p)
    choose(dialog.type, "TN")
    assert dialog.geometry.split.isChecked() and not dialog.geometry.merge.isEnabled()
    dialog.geometry.area.setValue(120.0)
    fill_document(dialog, "TN-02")
    dialog.save_button.click()
    assert dialog.outcome is not None, dialog.errors.text()
    cut, rest = dialog.outcome.parcels_after
    assert {f["uuid"] for f in parcels.getSelectedFeatures()} == {cut, rest}
    with WorkingCopy.open(str(wc_path)) as wc:
        assert abs(wc.conn.execute("SELECT area FROM parcels WHERE uuid = ?",
                                   (cut,)).fetchone()[0] - 120.0) < 0.11
        assert State(wc.conn).right(cut).holders == State(wc.conn).right(rest).holders == holders
