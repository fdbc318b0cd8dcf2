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
