"""The officer's decision in real QGIS: the parcel history dock shows each transaction's
approval state, approves or rejects a submitted one through its dialog, and shows the change;
decided (demo history) transactions cannot be decided again."""
import json
from datetime import date
from fractions import Fraction

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox

from cadastre_plugin.core.model import LegalDocument, Party
from cadastre_plugin.core.transactions import NewRight, TransactionDraft, record, shares_of
from cadastre_plugin.core.transactions.state import State
from cadastre_plugin.core.working_copy import WorkingCopy
from cadastre_plugin.ui.transactions.approval_dialog import DecisionDialog
from cadastre_plugin.ui.transactions.history_dock import APPROVAL_COLUMN, ROLE

from tx_ui_helpers import activate, free_parcels, select_parcel, transferred_parcel


def submit_transfer(path, parcel):
    with WorkingCopy.open(str(path)) as wc:
        buyer = Party("individual", "Lương Thị Mai", birth_year=1990,
                      citizen_id="031190123456")
        old = State(wc.conn).right(parcel).holders
        draft = TransactionDraft(
            "CN", [parcel], LegalDocument("HS-2025-0815", date(2025, 6, 1), "VPĐKĐĐ"),
            recorded_by="do.dac", new_parties=[buyer],
            rights_after=[NewRight(shares_of([(buyer.uuid, Fraction(1))]), parcel_uuid=parcel,
                                   transferors=tuple(old))])
        return record(wc, draft).transaction_uuid


def transaction_items(dock):
    items = [dock.tree.topLevelItem(i) for i in range(dock.tree.topLevelItemCount())]
    return {i.data(0, ROLE)[1].transaction.uuid: i
            for i in items if i.data(0, ROLE) and i.data(0, ROLE)[0] == "transaction"}


def answer_dialog(monkeypatch, officer, reason=None, accept=True):
    """The dialog as the officer fills it in: the real widgets, the real OK button state."""
    seen = []

    def exec_(dialog):
        dialog.officer.setText(officer)
        if reason is not None:
            dialog.reason.setPlainText(reason)
        ok = dialog.buttons.button(QDialogButtonBox.Ok)
        seen.append((dialog.windowTitle(), ok.isEnabled()))
        if accept and ok.isEnabled():
            dialog.accept()
            return QDialog.Accepted
        return QDialog.Rejected

    monkeypatch.setattr(DecisionDialog, "exec_", exec_)
    return seen


def open_history(qgis_iface, controller, parcels, parcel):
    select_parcel(parcels, parcel)
    activate(qgis_iface, parcels)
    return controller.transactions.show_history()


def test_approve_a_submitted_transaction_from_the_history(qgis_iface, controller, parcels,
                                                          wc_path, monkeypatch):
    with WorkingCopy.open(str(wc_path)) as wc:
        demo = dict(wc.conn.execute("SELECT approval, count(*) FROM transactions GROUP BY 1"))
    assert set(demo) == {"approved"} and demo["approved"] > 0
    (parcel,) = free_parcels(wc_path)
    uuid = submit_transfer(wc_path, parcel)
    dock = open_history(qgis_iface, controller, parcels, parcel)
    items = transaction_items(dock)
    # The demo history is the legal record: approved; the new one waits.
    assert {i.text(APPROVAL_COLUMN) for u, i in items.items() if u != uuid} <= {"Approved"}
    assert items[uuid].text(APPROVAL_COLUMN) == "Submitted"
    assert not dock.approve_button.isEnabled()  # nothing selected yet
    dock.tree.setCurrentItem(items[uuid].child(0))  # a line of the entry selects it too
    assert dock.approve_button.isEnabled() and dock.reject_button.isEnabled()

    seen = answer_dialog(monkeypatch, "can.bo.duyet")
    dock.approve_button.click()
    assert seen == [("Approve transaction", True)]
    item = transaction_items(dock)[uuid]
    assert item.text(APPROVAL_COLUMN) == "Approved"
    assert dock.tree.currentItem() is item
    assert not dock.approve_button.isEnabled() and not dock.reject_button.isEnabled()
    lines = {item.child(k).text(1): item.child(k).text(3) for k in range(item.childCount())}
    assert lines["Approved"].startswith("by can.bo.duyet on ")
    assert "Push" in dock.decision_note.text()
    with WorkingCopy.open(str(wc_path)) as wc:
        op, new = wc.conn.execute("SELECT operation, new FROM journal ORDER BY id DESC LIMIT 1"
                                  ).fetchone()
    assert op == "approval:approved" and json.loads(new)["approved_by"] == "can.bo.duyet"

    # Not pushed yet: the decision can be taken back; the entry waits again.
    assert dock.withdraw_button.isEnabled()
    dock.withdraw_button.click()
    item = transaction_items(dock)[uuid]
    assert item.text(APPROVAL_COLUMN) == "Submitted" and dock.approve_button.isEnabled()
    assert "submitted again" in dock.decision_note.text()
    # A decision of the register (the demo history) cannot: the dock says why.
    dock = open_history(qgis_iface, controller, parcels, transferred_parcel(wc_path))
    other = next(iter(transaction_items(dock).values()))
    dock.tree.setCurrentItem(other)
    assert not dock.withdraw_button.isEnabled()
    assert not dock.withdraw()
    assert "new transaction" in dock.decision_note.text()
    assert other.text(APPROVAL_COLUMN) == "Approved"


def test_reject_needs_a_reason_and_shows_it(qgis_iface, controller, parcels, wc_path,
                                            monkeypatch):
    (parcel,) = free_parcels(wc_path)
    uuid = submit_transfer(wc_path, parcel)
    dock = open_history(qgis_iface, controller, parcels, parcel)
    dock.tree.setCurrentItem(transaction_items(dock)[uuid])

    # Without a reason the dialog cannot be confirmed: nothing is recorded.
    seen = answer_dialog(monkeypatch, "can.bo.duyet", reason="  ")
    assert not dock.decide(reject=True)
    assert seen == [("Reject transaction", False)]
    assert transaction_items(dock)[uuid].text(APPROVAL_COLUMN) == "Submitted"

    answer_dialog(monkeypatch, "can.bo.duyet", reason="Thiếu hợp đồng công chứng")
    dock.reject_button.click()
    item = transaction_items(dock)[uuid]
    assert item.text(APPROVAL_COLUMN) == "Rejected"
    lines = {item.child(k).text(1): item.child(k).text(3) for k in range(item.childCount())}
    assert lines["Rejected"].endswith(": Thiếu hợp đồng công chứng")
    assert not dock.reject_button.isEnabled()
