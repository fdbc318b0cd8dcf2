"""What the sync benchmark runs against: the demo commune generated once and cached in
``bench-output/``, a throw-away PostGIS cluster with it loaded, and the API server started the
way production starts it (``cadastre serve --workers N``) on a loopback port."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import requests

from cadastre_plugin.core.demo import generate

from .devdb import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-output"


def cached_demo(parcels: int, seed: int = 1, out: Path = OUT) -> Path:
    """The demo working copy of ``parcels`` parcels, generated once (≈ 20 s for 100,000) and
    reused while its parameters match. The server loads it read-only: it is never changed."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"sync-{parcels}-seed{seed}.gpkg"
    stamp = path.with_suffix(".json")
    wanted = {"parcels": parcels, "seed": seed}
    if not (path.exists() and stamp.exists() and json.loads(stamp.read_text()) == wanted):
        stamp.unlink(missing_ok=True)
        generate(str(path), parcels=parcels, seed=seed)
        stamp.write_text(json.dumps(wanted))
    return path


class Server:
    """``cadastre serve --workers N`` in a subprocess, its log in ``log_dir``."""

    def __init__(self, database_url: str, log_dir: Path, workers: int = 1):
        self.db, self.workers = database_url, workers
        self.port = free_port()
        self.log = log_dir / f"server-{self.port}.log"
        self.proc = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Server":
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "cadastre_plugin.cli", "serve", "--database", self.db,
                 "--host", "127.0.0.1", "--port", str(self.port), "--workers",
                 str(self.workers), "--log-level", "warning"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        wait_for_port(self.port, timeout=60)
        deadline = time.monotonic() + 60
        while requests.get(self.url + "/health", timeout=10).status_code != 200:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the server does not become healthy (see {self.log})")
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
