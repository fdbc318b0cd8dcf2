"""Checkout: a new working copy of a commune, a district or a bounding box from the server (a
pull since revision 0 of each commune of the area).

Everything is downloaded before the file is made, the file is built beside its final name and
renamed at the end: an interrupted checkout leaves no half-made working copy behind. The
scanned documents come after the rename (they live beside the working copy); one that fails to
arrive stays listed as missing and the next pull fetches it.

An area is resolved by the server (``GET /area``) to its communes, all in one VN-2000 TM-3 CRS.
The working copy is created for the first of them (``cadastre_meta.commune_code``) and lists the
others in its ``communes`` table and in the sync state, so that pull and push cover them all.
A bounding box is ``(minx, miny, maxx, maxy)`` in ``bbox_crs``: ``EPSG:4326`` (longitude,
latitude; the default) or the communes' TM-3 CRS (easting, northing in metres); the working
copy receives every whole parcel intersecting it with the rows that hang on those parcels.
"""
from __future__ import annotations

import gc
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Optional

from ..model import Commune, MapSheet
from ..working_copy import WorkingCopy, WorkingCopyError
from . import earlier_versions, state
from .errors import SyncError
from .geojson import from_geojson
from .pull import AREA, PullResult, apply, bring_documents, fetch, merge


def _commune(info: dict) -> Commune:
    return Commune(info["code"], info["name"], int(info["crs_epsg"]),
                   info.get("district_code") or "", info.get("district_name") or "",
                   info.get("province_code") or "", info.get("province_name") or "")


def _area(client, commune_code, district, bbox, bbox_crs) -> tuple:
    """([commune info], area state or None) from the server."""
    given = [x is not None for x in (commune_code, district, bbox)]
    if sum(given) != 1:
        raise SyncError("sync.area", "Check out one commune, one district or one bounding box "
                        "(exactly one of them).",
                        "Hãy lấy về một xã, một huyện hoặc một khung chọn (chỉ một trong ba).")
    if commune_code is not None:
        return [client.get_json(f"/communes/{commune_code}")], None
    params = {"district": district} if district is not None else {}
    if bbox is not None:
        try:
            box = [float(v) for v in bbox]
        except (TypeError, ValueError):
            box = []
        if len(box) != 4:
            raise SyncError("sync.bbox", f"The bounding box {bbox!r} must be four numbers: "
                            "minx, miny, maxx, maxy.",
                            f"Khung chọn {bbox!r} phải gồm bốn số: minx, miny, maxx, maxy.")
        params = {"bbox": ",".join(repr(v) for v in box), "bbox_crs": bbox_crs}
    found = client.get_json("/area", params=params)
    return found["communes"], {"district": found["district"], "bbox": found["bbox"],
                               "bbox_crs": found["bbox_crs"],
                               "communes": [c["code"] for c in found["communes"]]}


def checkout(client, commune_code: Optional[str] = None, path: Optional[str] = None,
             progress: Optional[Callable] = None, *, district: Optional[str] = None,
             bbox=None, bbox_crs: str = "EPSG:4326", documents: bool = True) -> dict:
    if path is None:
        raise SyncError("sync.path", "Give the path of the working copy to create.",
                        "Hãy cho đường dẫn của bản sao làm việc cần tạo.")
    target = Path(path)
    if target.exists():
        raise WorkingCopyError(
            "wc.exists", f"'{path}' exists already; choose another name or delete it first.",
            f"'{path}' đã tồn tại; chọn tên khác hoặc xoá tệp cũ trước.", str(path))
    infos, area = _area(client, commune_code, district, bbox, bbox_crs)
    with _collector_paused():
        return _checkout(client, target, infos, area, progress, documents)


@contextmanager
def _collector_paused():
    """A check-out holds every downloaded row (a million small dicts for a large commune) while
    it allocates millions more: each automatic pass of Python's cyclic garbage collector walks
    all of them, which took about a quarter of the time. The data has no reference cycles;
    the collector is back on (if it was) when the check-out ends, however it ends."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _checkout(client, target: Path, infos: list, area, progress, documents: bool) -> dict:
    fetched = merge([fetch(client, info["code"], 0, progress, bbox=area) for info in infos])
    history = [v for info in infos for v in earlier_versions.fetch(client, info["code"], progress)]
    tmp = target.with_name(target.name + ".checkout")
    communes = [_commune(info) for info in infos]
    wc = WorkingCopy.create(str(tmp), communes[0], overwrite=True)
    try:
        state.ensure_tables(wc)
        with wc.operation("checkout", journal=False) as conn:
            conn.executemany(
                "INSERT INTO communes (code, name, district_code, district_name, province_code, "
                "province_name, crs_epsg) VALUES (?,?,?,?,?,?,?)",
                [(c.code, c.name, c.district_code, c.district_name, c.province_code,
                  c.province_name, c.crs_epsg) for c in communes[1:]])
            for info, commune in zip(infos, communes):
                frames = from_geojson([s.get("geometry") for s in info["sheets"]])
                wc.add_sheets(conn, [MapSheet(commune.code, s["sheet_no"], s.get("grid_number"),
                                              s.get("scale"), s.get("crs_epsg")
                                              or commune.crs_epsg, f)
                                     for s, f in zip(info["sheets"], frames)])
            state.put(conn, state.SERVER_URL, client.url)
            state.put(conn, state.COMMUNE, communes[0].code)
            if area:
                state.put(conn, AREA, json.dumps(area))
        if progress:
            progress(0, len(fetched["changes"]), "writing the working copy")
        apply(wc, fetched, operation="checkout", fresh=True)
        with wc.operation("checkout", journal=False) as conn:
            earlier_versions.store(conn, history, communes[0].crs_epsg)
        summary = wc.summary()
    except BaseException:
        wc.close()
        tmp.unlink(missing_ok=True)
        raise
    wc.close()
    os.replace(tmp, target)
    summary["path"] = str(target)
    summary["revision"] = fetched["head"]
    summary["communes"] = [c.code for c in communes]
    with WorkingCopy.open(str(target)) as wc:
        docs = PullResult(head=fetched["head"])
        bring_documents(wc, client, docs, documents, progress)
    summary["documents_downloaded"] = docs.documents_downloaded
    summary["documents_pending"] = docs.documents_pending
    if docs.documents_error is not None:
        summary["documents_error"] = docs.documents_error.text()
    return summary
