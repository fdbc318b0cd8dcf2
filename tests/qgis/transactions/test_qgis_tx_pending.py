"""The officer's work queue in real QGIS: "Pending approvals" lists the demo working copy's
submitted transactions; a double click selects the transaction's parcel on the parcel layer,
zooms to it and opens the parcel history on the transaction; approving it there takes it off
the list, which then says nothing waits."""
from datetime import date
from fractions import Fraction

from qgis.core import QgsRectangle

from cadastre_plugin.core.model import LegalDocument, Party
from cadastre_plugin.core.transactions import NewRight, TransactionDraft, record, shares_of
from cadastre_plugin.core.transactions.state import State
from cadastre_plugin.core.working_copy import WorkingCopy
from cadastre_plugin.ui.transactions.history_dock import ROLE

from test_qgis_tx_approval import answer_dialog
from tx_ui_helpers import activate, free_parcels


def submit_transfer(path, parcel, citizen_id, at):
    """A surveyor's transfer of ``parcel`` to a new buyer, recorded (submitted) at ``at``."""
    with WorkingCopy.open(str(path)) as wc:
        buyer = Party("individual", "Lương Thị Mai", birth_year=1990, citizen_id=citizen_id)
        old = State(wc.conn).right(parcel).holders
        draft = TransactionDraft(
            "CN", [parcel], LegalDocument("HS-2025-0815", date(2025, 6, 1), "VPĐKĐĐ"),
            recorded_by="do.dac", new_parties=[buyer],
            rights_after=[NewRight(shares_of([(buyer.uuid, Fraction(1))]), parcel_uuid=parcel,
                                   transferors=tuple(old))])
        return record(wc, draft, at=at).transaction_uuid


def label(path, uuid):
    with WorkingCopy.open(str(path)) as wc:
        return "{}/{}".format(*wc.conn.execute(
            "SELECT sheet_no, parcel_no FROM parcels WHERE uuid = ?", (uuid,)).fetchone())


def test_pending_approvals_open_in_the_history_and_leave_when_approved(
        qgis_iface, controller, parcels, wc_path, monkeypatch):
    activate(qgis_iface, parcels)
    action = controller.actions["pending_approvals"]
    assert action.isEnabled()
    dock = controller.transactions.show_pending()
    # The demo history is approved: nothing waits.
    assert dock.table.rowCount() == 0
    assert dock.heading.text() == "Nothing waits for approval."
    assert not dock.show_button.isEnabled()

    first, second = free_parcels(wc_path, n=2)
    uuids = [submit_transfer(wc_path, first, "031190123456", "2025-07-01T02:00:00Z"),
             submit_transfer(wc_path, second, "031190654321", "2025-07-01T03:00:00Z")]
    dock.refresh()
    assert dock.table.rowCount() == 2
    assert dock.heading.text().startswith("2 transactions wait for approval")
    assert [p.uuid for p in dock.queue] == uuids
    row = [dock.table.item(1, c).text() for c in range(5)]
    assert row[1] == "Transfer of land-use right (CN)"
    assert row[2:] == ["HS-2025-0815", label(wc_path, second), "do.dac"]

    # Double click: the parcel is selected, the map shows it, the history opens on it.
    parcels.removeSelection()
    canvas = qgis_iface.mapCanvas()
    canvas.setExtent(QgsRectangle(0, 0, 1, 1))
    dock.table.setCurrentCell(1, 0)
    assert dock.show_button.isEnabled()
    dock.table.cellDoubleClicked.emit(1, 0)
    selected = [f["uuid"] for f in parcels.getSelectedFeatures()]
    assert selected == [second]
    feature = next(parcels.getSelectedFeatures())
    assert canvas.extent().intersects(feature.geometry().boundingBox())
    history = controller.transactions.history_dock
    assert history is not None and not history.isHidden()
    assert history.parcel_uuid == second
    assert history.selected_transaction().uuid == uuids[1]
    assert history.approve_button.isEnabled()

    # Approving it there takes it off the list.
    answer_dialog(monkeypatch, "can.bo.duyet")
    history.approve_button.click()
    assert [p.uuid for p in dock.queue] == [uuids[0]]
    assert dock.table.rowCount() == 1
    assert dock.table.item(0, 0).data(ROLE) == uuids[0]

    # The "Show" button does what the double click does; withdrawing the decision brings the
    # other one back.
    dock.table.setCurrentCell(0, 2)
    dock.show_button.click()
    assert history.parcel_uuid == first and history.selected_transaction().uuid == uuids[0]
    answer_dialog(monkeypatch, "can.bo.duyet", reason="Thiếu hợp đồng công chứng")
    history.reject_button.click()
    assert dock.table.rowCount() == 0 and dock.heading.text() == "Nothing waits for approval."
    history.withdraw_button.click()
    assert [p.uuid for p in dock.queue] == [uuids[0]]
