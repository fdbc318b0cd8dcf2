"""The import logic lives in the core: it must load without GDAL, Qt or QGIS."""
import pkgutil
import subprocess
import sys

import cadastre_plugin.core.imports as imports


def test_core_imports_need_no_gdal_qt_or_qgis():
    modules = [f"cadastre_plugin.core.imports.{m.name}"
               for m in pkgutil.iter_modules(imports.__path__)]
    assert "cadastre_plugin.core.imports.linework" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('osgeo', 'qgis', 'PyQt5', 'PyQt6', 'sip'))\n"
        "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core.imports pulled in: {out.stdout}"
