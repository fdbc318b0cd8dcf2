"""Checkout: a new working copy of one commune from the server (a pull since revision 0).

Everything is downloaded before the file is made, the file is built beside its final name and
renamed at the end: an interrupted checkout leaves no half-made working copy behind.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Optional

from ..model import Commune, MapSheet
from ..working_copy import WorkingCopy, WorkingCopyError
from . import state
from .geojson import from_geojson
from .pull import apply, fetch


def checkout(client, commune_code: str, path: str,
             progress: Optional[Callable] = None) -> dict:
    target = Path(path)
    if target.exists():
        raise WorkingCopyError(
            "wc.exists", f"'{path}' exists already; choose another name or delete it first.",
            f"'{path}' đã tồn tại; chọn tên khác hoặc xoá tệp cũ trước.", str(path))
    info = client.get_json(f"/communes/{commune_code}")
    fetched = fetch(client, commune_code, 0, progress)
    tmp = target.with_name(target.name + ".checkout")
    commune = Commune(info["code"], info["name"], int(info["crs_epsg"]),
                      info.get("district_code") or "", info.get("district_name") or "",
                      info.get("province_code") or "", info.get("province_name") or "")
    wc = WorkingCopy.create(str(tmp), commune, overwrite=True)
    try:
        state.ensure_tables(wc)
        frames = from_geojson([s.get("geometry") for s in info["sheets"]])
        with wc.operation("checkout", journal=False) as conn:
            wc.add_sheets(conn, [MapSheet(commune.code, s["sheet_no"], s.get("grid_number"),
                                          s.get("scale"), s.get("crs_epsg") or commune.crs_epsg,
                                          f) for s, f in zip(info["sheets"], frames)])
            state.put(conn, state.SERVER_URL, client.url)
            state.put(conn, state.COMMUNE, commune.code)
        if progress:
            progress(0, len(fetched["changes"]), "writing the working copy")
        apply(wc, fetched, operation="checkout")
        summary = wc.summary()
    except BaseException:
        wc.close()
        tmp.unlink(missing_ok=True)
        raise
    wc.close()
    os.replace(tmp, target)
    summary["path"] = str(target)
    summary["revision"] = fetched["head"]
    return summary
