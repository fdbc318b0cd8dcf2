"""The demo's detached central server: it outlives the process that started it, answers real
HTTP, is connected to the working copy checked out of it, and `stop` leaves nothing behind."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import requests

from cadastre_plugin.core.sync import ApiClient, checkout, status
from cadastre_plugin.core.working_copy import WorkingCopy
from server import background

ROOT = Path(__file__).resolve().parents[2]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def test_started_server_outlives_its_starter_and_stops_cleanly(demo_gpkg, tmp_path):
    folder = tmp_path / "demo-output"
    # Started from a separate process that then exits, as `make demo` does.
    code = ("import sys; from pathlib import Path; from server import background; "
            f"background.start(Path({str(folder)!r}), Path({str(demo_gpkg)!r}))")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120,
                   stdout=subprocess.DEVNULL)
    info = json.loads((folder / "server.json").read_text())
    try:
        assert background.running(folder) is not None
        assert requests.get(info["url"] + "/health", timeout=5).json()["status"] == "ok"
        token_file = Path(info["token_file"])
        assert token_file.stat().st_mode & 0o077 == 0  # the token is readable by its owner only
        token = token_file.read_text().strip()
        with ApiClient(info["url"], token) as client:
            checkout(client, info["commune_code"], str(tmp_path / "wc.gpkg"))
        with WorkingCopy.open(str(tmp_path / "wc.gpkg")) as wc:
            assert status(wc)["server_url"] == info["url"]
            parcels = wc.conn.execute("SELECT count(*) FROM parcels").fetchone()[0]
        assert parcels == info["parcels"]
        assert token not in (folder / "server.json").read_text()
    finally:
        assert background.stop(folder)
    assert not _alive(info["pid"])
    assert not Path(info["cluster_root"]).exists()
    assert background.running(folder) is None
    assert not (folder / "server-token.txt").exists()
    assert background.stop(folder) is False  # nothing left to stop
