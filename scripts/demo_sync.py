"""The demo's central server: started in the background, the demo working copy checked out of it,
and a colleague's changes waiting on the server, so that "Pull" in QGIS has something to bring:
a land-use change, and an address that this office corrected too, differently (a conflict,
shown side by side for the user to resolve).
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


def _two_parcels(conn) -> list:
    return conn.execute(
        "SELECT fid, uuid, sheet_no, parcel_no FROM parcels WHERE status = 'current' "
        "AND landuse = 'LUC' ORDER BY sheet_no, parcel_no LIMIT 2").fetchall()


def colleague_edit(client, commune: str, path: Path) -> list:
    """A second office's working copy changes one parcel's land use and another's address,
    and pushes them; returns the parcels' sheet/number."""
    checkout(client, commune, str(_fresh(path)))
    with WorkingCopy.open(str(path)) as wc:
        with wc.operation("demo: colleague's changes") as conn:
            (fid_a, _, sheet_a, no_a), (fid_b, _, sheet_b, no_b) = _two_parcels(conn)
            conn.execute("UPDATE parcels SET landuse = 'CLN' WHERE fid = ?", (fid_a,))
            conn.execute("UPDATE parcels SET address = 'Thôn Đông, xóm 3' WHERE fid = ?",
                         (fid_b,))
        push(wc, client)
    return [f"{sheet_a}/{no_a}", f"{sheet_b}/{no_b}"]


def own_edit(gpkg: Path) -> None:
    """This office corrects the second parcel's address too, before pulling."""
    with WorkingCopy.open(str(gpkg)) as wc, wc.operation("demo: address correction") as conn:
        fid = _two_parcels(conn)[1][0]
        conn.execute("UPDATE parcels SET address = 'Thôn Đông, xóm 4' WHERE fid = ?", (fid,))


def connect_demo(seed: Path, out: Path) -> tuple[dict, Path]:
    server = background.start(out, seed)
    token = Path(server["token_file"]).read_text(encoding="utf-8").strip()
    gpkg = _fresh(out / "demo.gpkg")
    with ApiClient(server["url"], token) as client:
        summary = checkout(client, server["commune_code"], str(gpkg))
        changed = colleague_edit(client, server["commune_code"], out / "colleague.gpkg")
    own_edit(gpkg)
    print(f"Central server (local, in the background): {server['url']}, "
          f"{server['parcels']} parcels of commune {server['commune_code']}; "
          f"token in {server['token_file']}; `make demo-stop` stops it.")
    print(f"Checked out {gpkg} at revision {summary['revision']}; a colleague then changed "
          f"the land use of parcel {changed[0]} and the address of {changed[1]} on the server, "
          f"whose address was also corrected here (QGIS pulls: one change, one conflict).")
    return server, gpkg
