"""A QGIS application for the command line, started once and only when nothing runs one.

Inside QGIS (the plugin) or under pytest-qgis a QgsApplication exists already and is used as
it is; the command line starts its own, offscreen, so that rendering needs no display.
"""
from __future__ import annotations

import os
from contextlib import contextmanager


@contextmanager
def qgis_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    if QgsApplication.instance() is not None:
        yield QgsApplication.instance()
        return
    app = QgsApplication([], False)
    app.initQgis()
    try:
        yield app
    finally:
        app.exitQgis()
