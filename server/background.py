"""A local central server that keeps running after the command that started it (``make demo``).

``start`` seeds a throw-away PostGIS cluster with a working copy, makes a surveyor token for its
district and starts the API in its own session (detached: no terminal, output to a log file), so
QGIS can push and pull against it once the demo command has returned. What was started is
written to ``<folder>/server.json``; ``stop`` (``make demo-stop``) ends both processes and
removes the database. Starting again stops the previous one first: each demo is fresh.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import requests

from .auth import create_token
from .devdb import ThrowawayCluster, free_port, stop_cluster, wait_for_port
from .load import load

ROOT = Path(__file__).resolve().parents[1]
STATE = "server.json"
TOKEN = "server-token.txt"
PREFERRED_PORT = 8765


def _port() -> int:
    """8765 when free (the port the README names), else any free one."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", PREFERRED_PORT))
            return PREFERRED_PORT
        except OSError:
            return free_port()


def start(folder: Path, seed_gpkg: Path) -> dict:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stop(folder)
    cluster = ThrowawayCluster().start()
    try:
        counts = load(cluster.url, str(seed_gpkg))
        with psycopg.connect(cluster.url) as conn:
            district = conn.execute("SELECT district_code FROM communes WHERE code = %s",
                                    (counts["commune_code"],)).fetchone()[0]
            token = create_token(conn, "demo-surveyor", "surveyor", [district])
        port = _port()
        log = open(folder / "server.log", "ab")
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "server.app:app_from_env",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            cwd=ROOT, env=dict(os.environ, CADASTRE_DATABASE_URL=cluster.url),
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        log.close()
        wait_for_port(port, timeout=30)
    except BaseException:
        cluster.stop()
        raise
    url = f"http://127.0.0.1:{port}"
    token_file = folder / TOKEN
    token_file.touch(mode=0o600)
    token_file.write_text(token + "\n", encoding="utf-8")
    info = {"url": url, "pid": server.pid, "cluster_root": str(cluster.root),
            "database_url": cluster.url, "commune_code": counts["commune_code"],
            "district_code": district, "parcels": counts["parcels"],
            "token_file": str(token_file), "log": str(folder / "server.log")}
    (folder / STATE).write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def running(folder: Path) -> dict | None:
    """The recorded server when it answers its health check, else None."""
    path = Path(folder) / STATE
    if not path.exists():
        return None
    info = json.loads(path.read_text(encoding="utf-8"))
    try:
        ok = requests.get(info["url"] + "/health", timeout=5).ok
    except requests.RequestException:
        ok = False
    return info if ok else None


def stop(folder: Path) -> bool:
    """Stops what ``start`` recorded in ``folder``; False when nothing was recorded."""
    path = Path(folder) / STATE
    if not path.exists():
        return False
    info = json.loads(path.read_text(encoding="utf-8"))
    try:
        os.killpg(info["pid"], signal.SIGTERM)
        for _ in range(100):
            os.kill(info["pid"], 0)
            time.sleep(0.05)
    except ProcessLookupError:
        pass
    stop_cluster(Path(info["cluster_root"]))
    path.unlink()
    (Path(folder) / TOKEN).unlink(missing_ok=True)
    return True


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Stop the demo's local central server.")
    parser.add_argument("command", choices=("stop", "status"))
    parser.add_argument("--folder", type=Path, default=ROOT / "demo-output")
    args = parser.parse_args(argv)
    if args.command == "status":
        info = running(args.folder)
        print(f"Running: {info['url']}" if info else "No demo server is running.")
        return 0 if info else 1
    print("Demo server stopped." if stop(args.folder) else "No demo server was running.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
