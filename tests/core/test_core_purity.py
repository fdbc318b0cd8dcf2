"""The core must import without Qt or QGIS: the CLI and the server depend on it."""
import pkgutil
import subprocess
import sys

import cadastre_plugin.core as core


def test_core_imports_no_qt_or_qgis():
    modules = [m.name for m in pkgutil.walk_packages(core.__path__, "cadastre_plugin.core.")]
    assert "cadastre_plugin.core.working_copy" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip'))\n"
        "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core pulled in: {out.stdout}"
