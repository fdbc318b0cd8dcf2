"""Check-out, push and pull from real QGIS against the real server on a loopback port: the
parcel layer edited through QGIS's own edit buffer, pushed by the plugin's background task,
pulled into a second working copy; cancel, server down, and a refused change set on the map."""
import gc
import os

import pytest
from qgis.core import Qgis, QgsApplication, QgsGeometry, QgsMessageLog, QgsProject

from cadastre_plugin.core.sync import pull, state, status
from cadastre_plugin.core.working_copy import WorkingCopy
from qgis_sync_helpers import (DEMO_COMMUNE, HoldProxy, bar_texts, controller,  # noqa: F401
                               make_client, qgis_auth, server_token, wait_task)
from sync_live import dump


def _messages():
    seen = []
    QgsApplication.messageLog().messageReceived.connect(
        lambda text, tag, level: seen.append(f"{tag}: {text}"))
    return seen


def _checkout(controller, live, path):
    task = controller.sync.start_checkout(live.url, DEMO_COMMUNE, str(path))
    assert task is not None
    wait_task(controller.sync)
    assert task.error is None, task.error
    return task


def test_check_out_edit_in_qgis_push_and_pull_into_another_copy(
        qgis_iface, controller, live, server_token, checkout_wc, tmp_path):
    log = _messages()
    path = tmp_path / "mine.gpkg"
    _checkout(controller, live, path)
    layer = qgis_iface.activeLayer()
    assert controller.active_working_copy() == str(path)
    assert layer.featureCount() == 200
    assert any("checked out" in m for m in bar_texts(qgis_iface, Qgis.Success))
    other = checkout_wc("other")

    # Edit in QGIS: an attribute of one parcel, a vertex of another (by the edit buffer).
    feats = [f for f in layer.getFeatures("status = 'current'")]
    changed, moved = feats[0], feats[1]
    assert layer.startEditing()
    assert layer.changeAttributeValue(changed.id(), layer.fields().indexOf("address"),
                                      "Thôn Đông, sửa trong QGIS")
    # A boundary corner moved by 2 cm in every parcel that shares it, as the vertex tool
    # does: the coverage stays without gaps and overlaps.
    corner = moved.geometry().vertexAt(0)
    sharing = []
    for f in feats:
        geom = QgsGeometry(f.geometry())
        for i, v in enumerate(geom.vertices()):
            if v.distance(corner) < 1e-6:
                assert geom.moveVertex(corner.x() + 0.02, corner.y() + 0.01, i)
        if not geom.equals(f.geometry()):
            assert layer.changeGeometry(f.id(), geom)
            sharing.append(f)
    assert moved in sharing or any(f.id() == moved.id() for f in sharing)
    # Unsaved edits: push refuses, and says why.
    assert controller.sync.push() is None
    assert any("unsaved edits" in m for m in bar_texts(qgis_iface, Qgis.Warning))
    assert layer.commitChanges(), layer.commitErrors()

    task = controller.sync.push()
    wait_task(controller.sync)
    assert task.error is None, task.error
    edited = len({changed.id()} | {f.id() for f in sharing})
    assert task.result.changesets == 1 and task.result.changes == edited >= 2
    assert any(f"Pushed {edited} changes" in m for m in bar_texts(qgis_iface, Qgis.Success))
    assert live.one("SELECT address FROM parcels WHERE uuid = %s", (changed["uuid"],)) == \
        "Thôn Đông, sửa trong QGIS"

    with make_client(live.url, server_token) as client:
        result = pull(other, client)
    assert result.applied == edited
    with WorkingCopy.open(str(path)) as mine:
        assert dump(mine) == dump(other)
        assert status(mine)["journal_unconfirmed"] == 0

    # Pulled into the QGIS copy, the layer shows the server's state (a third office's edit).
    third = checkout_wc("third")
    with third.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = 'Sửa ở văn phòng khác' WHERE uuid = ?",
                     (feats[5]["uuid"],))
    with make_client(live.url, server_token) as client:
        from cadastre_plugin.core.sync import push
        push(third, client)
    task = controller.sync.pull()
    wait_task(controller.sync)
    assert task.error is None and task.result.head == live.one(
        "SELECT max(revision) FROM change_log")
    assert layer.getFeature(feats[5].id())["address"] == "Sửa ở văn phòng khác"

    # The token is nowhere but in the auth database: not in the working copy, the project,
    # the settings or the log.
    project_file = tmp_path / "project.qgs"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().removeAllMapLayers()
    gc.collect()
    for f in (path, project_file):
        assert server_token.encode() not in f.read_bytes(), f
    assert not any(server_token in m for m in log)
    with WorkingCopy.open(str(path)) as wc:
        assert state.get(wc.conn, state.SERVER_URL) == live.url
        assert not any(server_token in str(v) for v in
                       wc.conn.execute("SELECT value FROM sync_state"))


def test_cancelled_check_out_leaves_no_working_copy(qgis_iface, controller, live, server_token,
                                                    tmp_path):
    from cadastre_plugin.ui.sync.credentials import forget_server, save_server

    proxy = HoldProxy(live.port)
    save_server(proxy.url, server_token)
    try:
        path = tmp_path / "cancelled.gpkg"
        task = controller.sync.start_checkout(proxy.url, DEMO_COMMUNE, str(path))
        assert proxy.connected.wait(30)  # the first request is on its way, held
        task.cancel()
        proxy.release()
        wait_task(controller.sync)
        assert task.cancelled
        assert not path.exists() and not os.path.exists(str(path) + ".checkout")
        assert any("cancelled" in m for m in bar_texts(qgis_iface, Qgis.Info))
        assert not QgsProject.instance().mapLayers()
    finally:
        proxy.close()
        forget_server(proxy.url)


def test_server_down_says_so_and_keeps_the_change_set(qgis_iface, controller, live,
                                                       server_token, checkout_wc):
    wc = checkout_wc("down")
    with wc.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = 'chờ gửi' WHERE fid = 1")
    path = wc.path
    wc.close()
    controller.open_path(path)
    live.kill()
    task = controller.sync.push()
    wait_task(controller.sync)
    assert task.error is not None and task.error.code == "sync.unavailable"
    (shown,) = bar_texts(qgis_iface, Qgis.Critical)
    assert "not available" in shown and "Nothing was lost" in shown
    with WorkingCopy.open(path) as again:
        info = status(again)
    assert info["outbox_changeset"] is not None and info["outbox_changes"] == 1


def _same_sheet_pair(wc):
    rows = wc.conn.execute("SELECT uuid, sheet_no, parcel_no FROM parcels WHERE status = "
                           "'current' ORDER BY sheet_no, parcel_no").fetchall()
    first = rows[0]
    second = next(r for r in rows[1:] if r[1] == first[1])
    free = max(r[2] for r in rows if r[1] == first[1]) + 1
    return first[0], second[0], first[1], free


def test_refused_change_sets_are_shown_on_the_map(qgis_iface, controller, live, server_token,
                                                  checkout_wc):
    from cadastre_plugin.core.sync import push

    mine, other = checkout_wc("mine"), checkout_wc("other")
    p, q, sheet, free = _same_sheet_pair(mine)
    # Another office gives q a new number and pushes; this copy gives p the same number: the
    # check here passes (the number is free here), the server's does not.
    with other.operation("edit") as conn:
        conn.execute("UPDATE parcels SET parcel_no = ? WHERE uuid = ?", (free, q))
    with make_client(live.url, server_token) as client:
        push(other, client)
    with mine.operation("edit") as conn:
        conn.execute("UPDATE parcels SET parcel_no = ? WHERE uuid = ?", (free, p))
    path = mine.path
    mine.close()
    controller.open_path(path)
    task = controller.sync.push()
    wait_task(controller.sync)
    assert task.error is not None and task.error.by_server
    layers = controller.sync.violations[path].layers()
    (area,) = layers.values()
    features = list(area.getFeatures())
    assert [f["rule"] for f in features] == ["parcel.number_duplicate"]
    parcel = next(controller.sync._layers_of(path)[0].getFeatures(f"uuid = '{p}'"))
    assert features[0].geometry().area() == pytest.approx(parcel.geometry().area(), rel=1e-6)
    (shown,) = bar_texts(qgis_iface, Qgis.Critical)
    assert "The server refused the change set" in shown and "parcel.number_duplicate" in shown

    # A change set the working copy's own check refuses is not sent, and is shown the same way.
    with WorkingCopy.open(path) as wc, wc.operation("edit") as conn:
        conn.execute("UPDATE parcels SET parcel_no = ?, landuse = 'XYZ' WHERE uuid = ?",
                     (free + 1, p))
    qgis_iface.messageBar().clear_messages()
    revision = live.one("SELECT max(revision) FROM change_log")
    task = controller.sync.push()
    wait_task(controller.sync)
    assert task.error is not None and not task.error.by_server
    rules = {f["rule"] for layer in controller.sync.violations[path].layers().values()
             for f in layer.getFeatures()}
    assert rules == {"landuse.unknown_code"}
    assert "Not sent" in bar_texts(qgis_iface, Qgis.Critical)[0]
    assert live.one("SELECT max(revision) FROM change_log") == revision
