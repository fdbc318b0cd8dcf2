"""The `cadastre` console script, run as a user runs it (installed entry point, real process)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CADASTRE = shutil.which("cadastre", path=str(Path(sys.executable).parent)) or "cadastre"


def run(*args, env=None):
    return subprocess.run([CADASTRE, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def test_help_lists_the_commands():
    out = run("--help")
    assert out.returncode == 0
    for cmd in ("version", "new-demo", "info"):
        assert cmd in out.stdout


def test_version():
    from cadastre_plugin import __version__

    out = run("version")
    assert out.returncode == 0 and __version__ in out.stdout and "schema" in out.stdout


def test_new_demo_then_info(tmp_path):
    path = tmp_path / "demo.gpkg"
    out = run("new-demo", path, "--parcels", 120, "--seed", 5, "--json")
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["parcels"] == 120 and summary["crs_epsg"] == 9210
    info = json.loads(run("info", path, "--json").stdout)
    assert info["parcels"] == 120 and info["commune_name"] == "Xã Tân Tiến"
    # the same seed gives the same commune, byte for byte in its parcels
    again = tmp_path / "again.gpkg"
    assert run("new-demo", again, "--parcels", 120, "--seed", 5).returncode == 0
    import sqlite3
    rows = [sqlite3.connect(p).execute("SELECT uuid, parcel_no, hex(geom) FROM parcels ORDER BY fid")
            .fetchall() for p in (path, again)]
    assert rows[0] == rows[1]


def test_new_demo_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "demo.gpkg"
    assert run("new-demo", path, "--parcels", 10).returncode == 0
    before = path.read_bytes()
    out = run("new-demo", path, "--parcels", 10, "--seed", 2)
    assert out.returncode == 2 and "exists" in out.stderr
    assert path.read_bytes() == before
    assert run("new-demo", path, "--parcels", 10, "--seed", 2, "--force").returncode == 0


@pytest.mark.parametrize("args,needle", [
    (("new-demo", "{tmp}/x.gpkg", "--parcels", 0), "--parcels"),
    (("new-demo", "{tmp}/x.gpkg", "--parcels", 700000), "640,000"),
    (("info", "{tmp}/missing.gpkg"), "does not exist"),
])
def test_bad_input_exits_2_with_a_message(tmp_path, args, needle):
    out = run(*[str(a).format(tmp=tmp_path) for a in args])
    assert out.returncode == 2
    assert needle in out.stderr and "Traceback" not in out.stderr


def test_messages_in_vietnamese_when_lang_is_vi(tmp_path):
    out = run("info", tmp_path / "missing.gpkg", env={"LANG": "vi_VN.UTF-8", "LC_ALL": ""})
    assert out.returncode == 2 and "Không tìm thấy" in out.stderr
