"""A land exchange (CD, dồn điền đổi thửa) among three households in the "Record transaction"
dialog, in real QGIS: the exchange table proposes a rotation, the saved working copy has each
parcel with its new holders in one transaction; a choice leaving a household with two parcels
is explained inline and writes nothing; the two-parcel swap works as before."""
from cadastre_plugin.core.transactions.state import State
from cadastre_plugin.core.working_copy import WorkingCopy
from test_qgis_tx_record import fill_document, open_dialog
from tx_ui_helpers import choose, free_parcels, snapshot


def distinct_holders(path, n):
    """``n`` parcels held by people, no two sharing a holder, with their holders."""
    chosen, seen = [], set()
    with WorkingCopy.open(str(path)) as wc:
        state = State(wc.conn)
        for p in free_parcels(path, 60):
            holders = state.right(p).holders
            if not set(holders) & seen:
                chosen.append((p, holders))
                seen |= set(holders)
            if len(chosen) == n:
                return chosen
    raise AssertionError(f"fewer than {n} parcels with distinct holders")


def exchange_dialog(qgis_iface, controller, parcels, chosen):
    dialog = open_dialog(qgis_iface, controller, parcels, *(p for p, _ in chosen))
    choose(dialog.type, "CD")
    assert dialog.holders.exchange_table.isVisibleTo(dialog)
    assert not dialog.holders.table.isVisibleTo(dialog)
    fill_document(dialog, "HS-2025-DDDT")
    return dialog


def rows_by_uuid(dialog):
    """The table lists the parcels in the dialog's order; map it back to the uuids."""
    return {p.uuid: row for row, p in enumerate(dialog.context.parcels)}


def test_three_households_exchange_by_the_default_rotation(qgis_iface, controller, parcels,
                                                           wc_path):
    chosen = distinct_holders(wc_path, 3)
    dialog = exchange_dialog(qgis_iface, controller, parcels, chosen)
    table = dialog.holders.exchange_table
    order = [p.uuid for p in dialog.context.parcels]
    before = dict(chosen)
    assert table.rowCount() == 3
    for row, uuid in enumerate(order):
        parcel = dialog.context.parcels[row]
        assert table.item(row, 0).text() == parcel.label
        assert table.item(row, 1).text().endswith("m²")
        names = [dialog.context.name(h) for h in before[uuid]]
        assert all(n in table.item(row, 2).text() for n in names)
        combo = table.combo(row)
        assert combo.count() == 2  # the two other households, not its own
        expected = [dialog.context.name(h) for h in before[order[(row + 1) % 3]]]
        assert all(n in combo.currentText() for n in expected)

    dialog.save_button.click()
    assert dialog.outcome is not None, dialog.errors.text()

    with WorkingCopy.open(str(wc_path)) as wc:
        state = State(wc.conn)
        for i, uuid in enumerate(order):
            assert state.right(uuid).holders == before[order[(i + 1) % 3]]
        listed = {r[0] for r in wc.conn.execute(
            "SELECT parcel_uuid FROM transaction_parcels WHERE transaction_uuid = ?",
            (dialog.outcome.transaction_uuid,))}
        assert listed == set(order)
        (code,) = wc.conn.execute("SELECT type_code FROM transactions WHERE uuid = ?",
                                  (dialog.outcome.transaction_uuid,)).fetchone()
        assert code == "CD"


def test_a_household_receiving_two_parcels_is_explained_and_nothing_is_written(
        qgis_iface, controller, parcels, wc_path):
    chosen = distinct_holders(wc_path, 3)
    before = snapshot(wc_path)
    dialog = exchange_dialog(qgis_iface, controller, parcels, chosen)
    table = dialog.holders.exchange_table
    # The rotation gives row 0 to row 1's holders and row 2 to row 0's; giving row 1 to row
    # 0's holders too leaves them with two parcels and row 2's holders with none.
    table.choose(1, 0)
    dialog.save_button.click()
    assert dialog.outcome is None and dialog.result() != dialog.Accepted
    texts = dialog.issue_texts()
    assert any("must receive exactly as many parcels as it gives" in t and "receive 2" in t
               for t in texts), texts
    assert any("receive 0 (nothing)" in t for t in texts), texts
    assert dialog.holders.title().startswith("⚠")
    assert not dialog.errors.isHidden()
    assert snapshot(wc_path) == before

    # Put back, it records.
    table.choose(1, 2)
    dialog.save_button.click()
    assert dialog.outcome is not None, dialog.errors.text()
    assert snapshot(wc_path)["transactions"] == before["transactions"] + 1


def test_two_parcels_are_swapped_as_before(qgis_iface, controller, parcels, wc_path):
    chosen = distinct_holders(wc_path, 2)
    dialog = exchange_dialog(qgis_iface, controller, parcels, chosen)
    table = dialog.holders.exchange_table
    assert table.rowCount() == 2
    assert table.combo(0).count() == 1 and table.combo(1).count() == 1
    dialog.save_button.click()
    assert dialog.outcome is not None, dialog.errors.text()
    (a, ha), (b, hb) = chosen
    with WorkingCopy.open(str(wc_path)) as wc:
        state = State(wc.conn)
        assert state.right(a).holders == hb and state.right(b).holders == ha
