"""Helpers of the topology-check UI tests: waiting for a background task as the user does (the
event loop keeps running meanwhile), and reading the error layers back."""
import sqlite3
import time

import shapely
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer


def wait_finished(quality, timeout=60.0):
    """Run the event loop until ``quality.finished`` fires (the task's result is on the map and
    in the dock). Fails after ``timeout`` seconds."""
    loop = QEventLoop()
    done = []
    quality.finished.connect(loop.quit)
    quality.finished.connect(lambda: done.append(True))
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout * 1000))
    started = time.monotonic()
    if quality.task is not None:
        loop.exec_()
    quality.finished.disconnect(loop.quit)
    assert done or quality.task is None, f"no result after {time.monotonic() - started:.0f} s"
    assert QgsApplication.taskManager().countActiveTasks() == 0 or quality.task is None
    QCoreApplication.processEvents()


def error_features(quality):
    """[(rule, severity, shapely geometry)] of every feature of the error layers."""
    out = []
    for layer in quality.error_layers.layers().values():
        for feature in layer.getFeatures():
            geom = shapely.from_wkb(bytes(feature.geometry().asWkb()))
            out.append((feature["rule"], feature["severity"], geom))
    return out


def layer_names():
    return sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())


def fix_operations(path):
    with sqlite3.connect(str(path)) as conn:
        return [r[0] for r in conn.execute(
            "SELECT operation FROM journal WHERE operation LIKE 'fix:%' GROUP BY op_id "
            "ORDER BY min(id)")]
