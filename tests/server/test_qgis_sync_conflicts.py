"""Conflicts in real QGIS: a pull that meets rows changed both here and on the server opens
the conflict dialog (mine and theirs side by side, on two maps that move together and in an
attribute table); its buttons keep mine, take theirs or save an edited version; the push sends
the resolutions and another working copy pulls the same rows."""
from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QDialogButtonBox

from cadastre_plugin.core.sync import pull, push
from cadastre_plugin.core.working_copy import WorkingCopy
from qgis_sync_helpers import (bar_texts, controller, make_client, qgis_auth,  # noqa: F401
                               server_token, wait_task)
from sync_live import dump


def _address(wc, uuid):
    row = wc.conn.execute("SELECT address FROM parcels WHERE uuid = ?", (uuid,)).fetchone()
    return row[0] if row else None


def test_pull_conflicts_resolved_in_the_dialog_then_pushed(qgis_iface, controller, live,
                                                           server_token, checkout_wc):
    mine, other = checkout_wc("mine"), checkout_wc("other")
    p1, p2, p3, p4 = [r[0] for r in mine.conn.execute(
        "SELECT uuid FROM parcels WHERE status = 'current' ORDER BY sheet_no, parcel_no "
        "LIMIT 4")]
    with other.operation("edit") as conn:
        for uuid, text in ((p1, "máy chủ 1"), (p2, "máy chủ 2"), (p3, "máy chủ 3")):
            conn.execute("UPDATE parcels SET address = ? WHERE uuid = ?", (text, uuid))
        conn.execute("DELETE FROM parcels WHERE uuid = ?", (p4,))
    with make_client(live.url, server_token) as client:
        push(other, client)
    with mine.operation("edit") as conn:
        for uuid, text in ((p1, "của tôi 1"), (p2, "của tôi 2"), (p3, "của tôi 3"),
                           (p4, "của tôi 4")):
            conn.execute("UPDATE parcels SET address = ? WHERE uuid = ?", (text, uuid))
    path = mine.path
    mine.close()
    controller.open_path(path)

    task = controller.sync.pull()
    wait_task(controller.sync)
    assert task.error is None and len(task.result.conflicts) == 4
    assert any("not overwritten" in m for m in bar_texts(qgis_iface, Qgis.Warning))
    dialog = controller.sync.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() == 4 and not dialog.push.isEnabled()
    assert "open conflicts: 4" in dialog.status_label.text()
    with WorkingCopy.open(path) as wc:  # nothing overwritten
        assert [_address(wc, u) for u in (p1, p2, p3, p4)] == \
            ["của tôi 1", "của tôi 2", "của tôi 3", "của tôi 4"]

    # The conflicting parcel sits in the middle of both maps, also after the dialog grew.
    dialog.resize(1400, 900)
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()
    for canvas in (dialog.canvases.mine, dialog.canvases.theirs):
        extent = canvas.extent()
        shown = dialog.canvases.layers["mine"].extent()
        assert abs(shown.center().x() - extent.center().x()) < extent.width() * 0.05
        assert abs(shown.center().y() - extent.center().y()) < extent.height() * 0.05

    seen = set()
    while dialog.conflicts:
        c = dialog.current()
        uuid = c["key"]["uuid"]
        seen.add(uuid)
        table = dialog.table
        rows = {table.item(i, 0).data(Qt.UserRole): i for i in range(table.rowCount())}
        labels = {table.item(i, 0).data(Qt.UserRole): table.item(i, 0).text()
                  for i in range(table.rowCount())}
        assert labels["sheet_no"] != "sheet_no"  # the attribute form's label, not the column
        if uuid == p4:
            # Deleted on the server: the right-hand side says so, the map shows mine only.
            assert dialog.theirs_title.text() == "Theirs: deleted on the server"
            assert table.item(rows["address"], 2).text() == "(deleted)"
            assert dialog.canvases.layers["theirs"].featureCount() == 0
            assert dialog.canvases.layers["mine"].featureCount() == 1
            dialog.take_theirs.click()
            continue
        # Both sides on two canvases showing the same extent; the differing field stands out.
        assert dialog.canvases.layers["mine"].featureCount() == 1
        assert dialog.canvases.layers["theirs"].featureCount() == 1
        assert dialog.canvases.mine.extent() == dialog.canvases.theirs.extent()
        address = rows["address"]
        assert table.item(address, 1).text().startswith("của tôi")
        assert table.item(address, 2).text().startswith("máy chủ")
        assert table.item(address, 1).font().bold()
        assert not table.item(rows["landuse"], 1).font().bold()
        if uuid == p1:
            dialog.keep_mine.click()
        elif uuid == p2:
            dialog.take_theirs.click()
        else:
            form = dialog.edit_current()
            assert form.edits["address"].text() == "của tôi 3"
            form.edits["sheet_no"].setText("not a number")
            form.buttons.button(QDialogButtonBox.Save).click()
            assert form.isVisible() and "not a number" in form.message.text()
            form.edits["sheet_no"].setText(str(c["mine"]["data"]["sheet_no"]))
            form.edits["address"].setText("đã gộp 3")
            form.buttons.button(QDialogButtonBox.Save).click()
            assert not form.isVisible()
    assert seen == {p1, p2, p3, p4}
    assert dialog.list.count() == 0 and dialog.push.isEnabled()
    assert "All conflicts are resolved" in dialog.message.text()
    # Taking theirs shows at once on the map (the layer was re-read).
    parcels = controller.sync._layers_of(path)[0]
    assert next(parcels.getFeatures(f"uuid = '{p2}'"))["address"] == "máy chủ 2"
    assert not list(parcels.getFeatures(f"uuid = '{p4}'"))

    dialog.push.click()
    task = controller.sync.task
    wait_task(controller.sync)
    assert task.error is None, task.error
    assert task.result.changes == 2  # keep mine and the edited row; theirs needs no push
    for uuid, expected in ((p1, "của tôi 1"), (p2, "máy chủ 2"), (p3, "đã gộp 3")):
        assert live.one("SELECT address FROM parcels WHERE uuid = %s", (uuid,)) == expected
    with make_client(live.url, server_token) as client:
        pull(other, client)
    with WorkingCopy.open(path) as wc:
        assert dump(wc) == dump(other)
        resolutions = [e for e in wc.journal_entries() if e["operation"] == "resolve"]
        assert len(resolutions) == 4
