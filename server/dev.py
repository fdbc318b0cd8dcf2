"""`make server`: a local central server for development and the demo.

A throw-away PostGIS cluster, the demo commune loaded into it, one surveyor token for its
district, and the API on http://127.0.0.1:8765 until Ctrl-C; then everything is removed.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg

from cadastre_plugin.core.demo import DEMO_COMMUNE, generate

from .auth import create_token
from .devdb import ThrowawayCluster
from .load import load

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--parcels", type=int, default=2000)
    args = parser.parse_args(argv)
    cluster = ThrowawayCluster().start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            demo = Path(tmp) / "demo.gpkg"
            generate(str(demo), parcels=args.parcels, seed=1)
            counts = load(cluster.url, str(demo))
        with psycopg.connect(cluster.url, autocommit=True) as conn:
            token = create_token(conn, "dev-surveyor", "surveyor", [DEMO_COMMUNE.district_code])
        url = f"http://127.0.0.1:{args.port}"
        print(f"Central land database API: {url}  (OpenAPI: {url}/docs)", flush=True)
        print(f"Database: {cluster.url}  ({counts['parcels']} parcels of commune "
              f"{DEMO_COMMUNE.code}, district {DEMO_COMMUNE.district_code})", flush=True)
        print(f"Surveyor token for district {DEMO_COMMUNE.district_code} (development only):",
              flush=True)
        print(f"  export CADASTRE_TOKEN={token}", flush=True)
        print(f"  cadastre checkout {url} --commune {DEMO_COMMUNE.code} my.gpkg", flush=True)
        print("Ctrl-C stops the server and removes the database.", flush=True)
        env = dict(os.environ, CADASTRE_DATABASE_URL=cluster.url)
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "server.app:app_from_env",
             "--host", "127.0.0.1", "--port", str(args.port)], cwd=ROOT, env=env)
        try:
            return server.wait()
        except KeyboardInterrupt:
            server.send_signal(signal.SIGINT)
            server.wait(15)
            return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
