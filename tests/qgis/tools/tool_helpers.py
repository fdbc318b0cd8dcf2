"""Helpers of the map tool tests: a mouse and keyboard that drive map tools through a real
canvas (events go to the canvas viewport at the pixels of map coordinates, so they pass
through QgsMapCanvas's own event handling on the way to the tool), and readers of the
working copy file for before/after comparisons."""
import sqlite3

import shapely
from qgis.core import QgsPointXY, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt
from qgis.PyQt.QtGui import QMouseEvent
from qgis.PyQt.QtTest import QTest

SIZE = (800, 600)


class Mouse:
    """Real mouse and key events on a canvas, at map coordinates (layer CRS = canvas CRS).

    Mouse events are QMouseEvents sent to the canvas viewport with the buttons held, as a
    window system delivers them (QTest.mouseMove moves the cursor instead, which the
    offscreen platform does not turn into move events while a button is down)."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.widget = canvas.viewport()
        self.buttons = Qt.NoButton

    def px(self, x, y) -> QPoint:
        p = self.canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
        return QPoint(round(p.x()), round(p.y()))

    def _send(self, kind, x, y, button):
        pos = self.px(x, y)
        event = QMouseEvent(kind, QPointF(pos), QPointF(self.widget.mapToGlobal(pos)), button,
                            self.buttons, Qt.NoModifier)
        QCoreApplication.sendEvent(self.widget, event)

    def move(self, x, y):
        self._send(QEvent.MouseMove, x, y, Qt.NoButton)

    def press(self, x, y, button=Qt.LeftButton):
        self.buttons = self.buttons | button
        self._send(QEvent.MouseButtonPress, x, y, button)

    def release(self, x, y, button=Qt.LeftButton):
        self.buttons = self.buttons & ~button
        self._send(QEvent.MouseButtonRelease, x, y, button)

    def click(self, x, y, button=Qt.LeftButton):
        self.move(x, y)
        self.press(x, y, button)
        self.release(x, y, button)

    def drag(self, start, end, steps=4):
        self.move(*start)
        self.press(*start)
        for k in range(1, steps + 1):
            t = k / steps
            self.move(start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1]))
        self.release(*end)

    def key(self, key):
        QTest.keyClick(self.canvas, key)


def zoom_to(canvas, geom, margin=0.25):
    """Show ``geom`` (shapely, layer CRS) filling the canvas, so clicks land within cm."""
    minx, miny, maxx, maxy = geom.bounds
    pad = max(maxx - minx, maxy - miny) * margin
    canvas.setExtent(QgsRectangle(minx - pad, miny - pad, maxx + pad, maxy + pad))
    QCoreApplication.processEvents()


def messages(iface, level):
    return iface.messageBar().get_messages(level)


def table(path, name, order="fid"):
    """Every row of a table, for before/after comparisons."""
    with sqlite3.connect(str(path)) as conn:
        return conn.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()


def snapshot(path):
    return {t: table(path, t) for t in ("parcels", "parcel_versions", "parcel_lineage")}


def journal(path, where="", params=()):
    with sqlite3.connect(str(path)) as conn:
        return conn.execute(f"SELECT op_id, operation, table_name, action, row_uuid FROM journal "
                            f"{where} ORDER BY id", params).fetchall()


def parcels(path, where="", params=()):
    """{uuid: (sheet_no, parcel_no, area, shapely geometry)} of current parcels."""
    from cadastre_plugin.core import gpkg

    with sqlite3.connect(str(path)) as conn:
        rows = conn.execute(f"SELECT uuid, sheet_no, parcel_no, area, geom FROM parcels {where}",
                            params).fetchall()
    geoms = gpkg.decode([r[4] for r in rows])
    return {r[0]: (r[1], r[2], r[3], g) for r, g in zip(rows, geoms)}


def inner_parcel(path, landuse=None, min_area=200.0):
    """A big-enough parcel of sheet 1 with neighbours on all sides (inside a block)."""
    current = parcels(path)
    uuids = list(current)
    geoms = [current[u][3] for u in uuids]
    tree = shapely.STRtree(geoms)
    for i, uuid in enumerate(uuids):
        sheet, _, area, geom = current[uuid]
        if sheet != 1 or area < min_area:
            continue
        if landuse is not None and _landuse(path, uuid) != landuse:
            continue
        if len(tree.query(geom, predicate="touches")) >= 4:
            return uuid, geom
    raise AssertionError("no inner parcel")


def _landuse(path, uuid):
    with sqlite3.connect(str(path)) as conn:
        return conn.execute("SELECT landuse FROM parcels WHERE uuid = ?", (uuid,)).fetchone()[0]
