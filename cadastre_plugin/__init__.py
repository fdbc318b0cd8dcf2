"""Cadastre Editor: a QGIS plugin over a pure-Python cadastral core.

Importing this package must not import QGIS: the command line and the server use the core
without it. QGIS calls ``classFactory`` only when it loads the plugin.
"""

__version__ = "0.1.0"


def classFactory(iface):  # noqa: N802 (name fixed by QGIS)
    from .plugin import CadastrePlugin

    return CadastrePlugin(iface)
