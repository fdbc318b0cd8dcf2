"""The "Parcel history" dock in real QGIS: the demo's timeline, the parcel drawn as it was, the
scans opened from the history, the split's parents and children, following the selection."""
import os

from qgis.core import QgsWkbTypes
from qgis.PyQt.QtGui import QDesktopServices

from tx_ui_helpers import activate, select_parcel, split_child, transferred_parcel


def top_items(tree):
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_the_history_of_a_transferred_parcel(qgis_iface, controller, parcels, wc_path,
                                             monkeypatch):
    uuid = transferred_parcel(wc_path)
    select_parcel(parcels, uuid)
    activate(qgis_iface, parcels)
    action = controller.actions["parcel_history"]
    assert action.isEnabled()
    action.trigger()
    dock = controller.transactions.history_dock
    assert not dock.isHidden() and dock.parcel_uuid == uuid
    items = top_items(dock.tree)
    events = [item.text(1) for item in items]
    assert events[0].startswith("Version 1")
    transfer = next(i for i in items if i.text(1).endswith(("(CN)", "(TA)", "(TK)")))
    lines = {transfer.child(k).text(1): transfer.child(k).text(3)
             for k in range(transfer.childCount())}
    assert "Holders before" in lines and "Holders after" in lines
    assert lines["Scanned document"].startswith("don-dang-ky-")
    assert "Parcel" in dock.heading.text()

    # Selecting an entry draws the parcel as it was then.
    dock.tree.setCurrentItem(items[0])
    drawn = dock.rubber.asGeometry()
    assert not drawn.isEmpty()
    version = dock.history.entries[0].version.geometry
    assert abs(drawn.area() - version.area) < 0.01 * version.area

    # The scan opens in the system's viewer as a PDF with its original name.
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    document = next(transfer.child(k) for k in range(transfer.childCount())
                    if transfer.child(k).text(1) == "Scanned document")
    dock.tree.itemDoubleClicked.emit(document, 3)
    assert len(opened) == 1 and opened[0].toLocalFile() == dock.opened[-1]
    assert dock.opened[-1].endswith(".pdf") and os.path.getsize(dock.opened[-1]) > 100
    with open(dock.opened[-1], "rb") as fh:
        assert fh.read(5) == b"%PDF-"


def test_a_split_child_shows_its_parent_and_the_split(qgis_iface, controller, parcels, wc_path):
    child = split_child(wc_path)
    select_parcel(parcels, child)
    activate(qgis_iface, parcels)
    dock = controller.transactions.show_history()
    items = top_items(dock.tree)
    parcels_column = [i.text(2) for i in items]
    assert any("(earlier parcel)" in text for text in parcels_column)
    split = next(i for i in items if i.text(1).endswith("(TN)"))
    lines = [split.child(k).text(1) for k in range(split.childCount())]
    assert "Parcels before" in lines and "Parcels after" in lines
    assert "Made from:" in dock.heading.text()
    # The split entry draws the new parcels, not the parent.
    dock.tree.setCurrentItem(split)
    assert dock.rubber.asGeometry().wkbType() in (QgsWkbTypes.MultiPolygon, QgsWkbTypes.Polygon)


def test_the_dock_follows_the_selection(qgis_iface, controller, parcels, wc_path):
    first = transferred_parcel(wc_path)
    select_parcel(parcels, first)
    activate(qgis_iface, parcels)
    dock = controller.transactions.show_history()
    assert dock.parcel_uuid == first
    other = next(f["uuid"] for f in parcels.getFeatures() if f["uuid"] != first)
    select_parcel(parcels, other)
    assert dock.parcel_uuid == other
    assert [i.text(1) for i in top_items(dock.tree)][0].startswith("Version 1")
    parcels.removeSelection()
    assert dock.parcel_uuid == other  # keeps the last parcel shown


def test_a_missing_scan_is_explained_not_raised(qgis_iface, controller, parcels, wc_path):
    import shutil

    uuid = transferred_parcel(wc_path)
    select_parcel(parcels, uuid)
    activate(qgis_iface, parcels)
    dock = controller.transactions.show_history()
    shutil.rmtree(f"{wc_path}.documents")
    transfer = next(i for i in top_items(dock.tree) if i.text(1).endswith(("(CN)", "(TA)",
                                                                           "(TK)")))
    document = next(transfer.child(k) for k in range(transfer.childCount())
                    if transfer.child(k).text(1) == "Scanned document")
    dock.tree.itemDoubleClicked.emit(document, 3)
    assert ".documents" in dock.heading.text() and dock.opened == []
