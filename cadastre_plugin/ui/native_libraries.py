"""Import shapely and pyproj so that they use their own GEOS and PROJ inside QGIS.

In the QGIS application the GEOS, PROJ and SQLite libraries that QGIS links sit in the
process's global symbol scope, and the dynamic linker looks there first. PyPI wheels of shapely
and pyproj bundle their own, newer copies; loaded the usual way, their calls land in a mix of
QGIS's copy and their own. Seen on Debian 12 (QGIS 3.22, GEOS 3.11, PROJ 9.1): shapely
functions that GEOS 3.11 lacks (orient_polygons, coverage_invalid_edges) crash QGIS, and pyproj
with QGIS's SQLite makes QGIS crash on exit. Loading their extension modules with RTLD_DEEPBIND
makes each resolve symbols in its own libraries first. For packages built against the system
libraries this changes nothing.

It only protects imports that happen after it: the plugin calls it before importing the core.
"""
from __future__ import annotations

import importlib
import os
import sys

PACKAGES = ("shapely", "pyproj")


def import_with_own_libraries(packages=PACKAGES) -> list[str]:
    """Import ``packages`` with RTLD_DEEPBIND where the platform has it (Linux).

    Returns the packages that were already imported (by another plugin, say): too late to
    change how their libraries were bound. Raises ImportError like a plain import."""
    already = [name for name in packages if name in sys.modules]
    deepbind = getattr(os, "RTLD_DEEPBIND", 0)
    if not deepbind:
        return already
    flags = sys.getdlopenflags()
    sys.setdlopenflags(flags | deepbind)
    try:
        for name in packages:
            if name not in sys.modules:
                # Importing the package loads all its extension modules (shapely 2.x, pyproj
                # 3.x), and with them the bundled libraries, bound once and for all.
                importlib.import_module(name)
    finally:
        sys.setdlopenflags(flags)
    return already
