"""A scan that a working copy has only the record of (checked out without documents) opens from
the "Parcel history" dock all the same: the plugin downloads it from the sync server in a
background task, checks it, and shows it; a copy without a server explains what is missing."""
import os

from qgis.PyQt.QtGui import QDesktopServices

from cadastre_plugin.core.sync import checkout, state
from cadastre_plugin.core.transactions.documents import content_path, missing_content
from cadastre_plugin.core.working_copy import WorkingCopy
from qgis_sync_helpers import (DEMO_COMMUNE, controller, make_client, qgis_auth,  # noqa: F401
                               server_token, wait_task)


def _document_item(dock):
    for i in range(dock.tree.topLevelItemCount()):
        entry = dock.tree.topLevelItem(i)
        for k in range(entry.childCount()):
            if entry.child(k).text(1) == "Scanned document":
                return entry.child(k)
    raise AssertionError("no scanned document in the parcel's history")


def _parcel_with_scan(path):
    with WorkingCopy.open(str(path)) as wc:
        return wc.conn.execute(
            "SELECT tp.parcel_uuid FROM transaction_parcels tp "
            "JOIN transaction_documents td ON td.transaction_uuid = tp.transaction_uuid "
            "JOIN parcels p ON p.uuid = tp.parcel_uuid AND p.status = 'current' "
            "ORDER BY tp.parcel_uuid LIMIT 1").fetchone()[0]


def _history_of(qgis_iface, controller, path):
    layers = controller.open_path(str(path))
    assert layers is not None
    parcels = layers.parcels
    uuid = _parcel_with_scan(path)
    parcels.selectByExpression(f"\"uuid\" = '{uuid}'")
    qgis_iface.setActiveLayer(parcels)
    qgis_iface.currentLayerChanged.emit(None)
    return controller.transactions.show_history()


def test_a_scan_not_yet_downloaded_is_fetched_and_opened(qgis_iface, controller, live,
                                                         server_token, tmp_path, monkeypatch):
    path = tmp_path / "light.gpkg"
    with make_client(live.url, server_token) as client:
        checkout(client, DEMO_COMMUNE, str(path), documents=False)
    with WorkingCopy.open(str(path)) as wc:
        missing = set(missing_content(wc))
    assert missing, "the check-out without documents should leave the scans on the server"

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dock = _history_of(qgis_iface, controller, path)
    item = _document_item(dock)
    dock.tree.itemDoubleClicked.emit(item, 3)
    assert controller.sync.task is not None and "Downloading" in dock.heading.text()
    wait_task(controller.sync)
    assert len(opened) == 1 and opened[0].toLocalFile() == dock.opened[-1]
    with WorkingCopy.open(str(path)) as wc:
        still = set(missing_content(wc))
    fetched = missing - still
    assert len(fetched) == 1  # just the scan asked for, not the whole store
    sha = fetched.pop()
    assert os.path.getsize(dock.opened[-1]) == os.path.getsize(content_path(str(path), sha))
    assert live.one("SELECT size FROM documents WHERE sha256 = %s", (sha,)) == \
        os.path.getsize(dock.opened[-1])


def test_without_a_server_the_missing_scan_is_explained(qgis_iface, controller, live,
                                                        server_token, tmp_path):
    path = tmp_path / "offline.gpkg"
    with make_client(live.url, server_token) as client:
        checkout(client, DEMO_COMMUNE, str(path), documents=False)
    with WorkingCopy.open(str(path)) as wc, wc.operation("detach", journal=False) as conn:
        state.put(conn, state.SERVER_URL, None)  # e.g. a copy handed over on a USB stick
    dock = _history_of(qgis_iface, controller, path)
    dock.tree.itemDoubleClicked.emit(_document_item(dock), 3)
    assert controller.sync.task is None and dock.opened == []
    assert ".documents" in dock.heading.text()
