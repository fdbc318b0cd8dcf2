"""The demo's central server: started in the background, the demo working copy checked out of it,
and a colleague's change waiting on the server, so that "Pull" in QGIS has something to bring.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from cadastre_plugin.core.sync import ApiClient, checkout, push
from cadastre_plugin.core.working_copy import WorkingCopy
from server import background


def _fresh(path: Path) -> Path:
    path.unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.name + ".documents"), ignore_errors=True)
    return path


def colleague_edit(client, commune: str, path: Path) -> str:
    """A second office's working copy changes one parcel's land use and pushes it."""
    checkout(client, commune, str(_fresh(path)))
    with WorkingCopy.open(str(path)) as wc:
        with wc.operation("demo: colleague changes a land use") as conn:
            fid, sheet, number = conn.execute(
                "SELECT fid, sheet_no, parcel_no FROM parcels WHERE status = 'current' "
                "AND landuse = 'LUC' ORDER BY sheet_no, parcel_no LIMIT 1").fetchone()
            conn.execute("UPDATE parcels SET landuse = 'CLN' WHERE fid = ?", (fid,))
        push(wc, client)
    return f"{sheet}/{number}"


def connect_demo(seed: Path, out: Path) -> tuple[dict, Path]:
    server = background.start(out, seed)
    token = Path(server["token_file"]).read_text(encoding="utf-8").strip()
    gpkg = _fresh(out / "demo.gpkg")
    with ApiClient(server["url"], token) as client:
        summary = checkout(client, server["commune_code"], str(gpkg))
        changed = colleague_edit(client, server["commune_code"], out / "colleague.gpkg")
    print(f"Central server (local, in the background): {server['url']}, "
          f"{server['parcels']} parcels of commune {server['commune_code']}; "
          f"token in {server['token_file']}; `make demo-stop` stops it.")
    print(f"Checked out {gpkg} at revision {summary['revision']}; a colleague then changed "
          f"the land use of parcel {changed} on the server (QGIS pulls it).")
    server["colleague_parcel"] = changed
    return server, gpkg
