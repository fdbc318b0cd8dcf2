"""Shared fixtures: small demo working copies made once per session, copied per test."""
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A 300-parcel demo commune, generated once; tests get their own copy."""
    from cadastre_plugin.core.demo import generate

    path = tmp_path_factory.mktemp("template") / "demo.gpkg"
    generate(str(path), parcels=300, seed=7)
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    path = tmp_path / "demo.gpkg"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture(scope="session")
def qgis_process(tmp_path_factory):
    """Runs `qgis_process` headless, as a user's script would, with this checkout's plugin
    enabled in a throw-away profile. Returns run(*args) -> CompletedProcess."""
    import os
    import subprocess
    import sysconfig

    base = tmp_path_factory.mktemp("qgis_process")
    plugins = base / "plugins"
    plugins.mkdir()
    (plugins / "cadastre_plugin").symlink_to(ROOT / "cadastre_plugin")
    ini = base / "config" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\ncadastre_plugin=true\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QGIS_PLUGINPATH": str(plugins),
           "QGIS_CUSTOM_CONFIG_PATH": str(base / "config"),
           # QGIS's embedded Python is Debian's: it needs the venv's shapely 2 and pyproj.
           "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    env.pop("QGIS_OPTS", None)

    def run(*args, timeout=300):
        # qgis_process.bin: Debian's qgis_process wrapper adds an option 3.22 rejects.
        return subprocess.run(["qgis_process.bin", *map(str, args)], env=env, text=True,
                              capture_output=True, timeout=timeout)

    return run
