"""Writing imported parcels into a working copy: a new one, or an existing one as a journalled
``import`` operation (one SQLite transaction: all of it lands, or none of it).

Parcels whose (sheet, number) is already a current parcel of the working copy are not written
again: importing the same sheet twice would double it. They come back as ``error`` problems,
so that nothing is dropped silently.
"""
from __future__ import annotations

import uuid as _uuid
from pathlib import Path
from typing import Optional

import numpy as np
import shapely

from ..messages import CadastreError
from ..model import Commune, MapSheet
from ..sheets import sheet_frame, sheet_number_at
from ..working_copy import WorkingCopy, utc_now
from .holders import holder_rows
from .report import problem


def open_or_create(path: str, commune: Optional[Commune]) -> tuple:
    """(WorkingCopy, created?) for ``path``: opened if it exists, else created for ``commune``.

    An existing working copy of another commune is refused: a working copy covers one."""
    if Path(path).exists():
        wc = WorkingCopy.open(path)
        if commune is not None and commune.code and wc.commune.code != commune.code:
            other = wc.commune.code
            wc.close()
            raise CadastreError(
                "import.other_commune",
                f"'{path}' is the working copy of commune {other}, not {commune.code}. Import "
                "into that commune's working copy, or give a new output file.",
                f"'{path}' là bản sao làm việc của xã {other}, không phải xã {commune.code}. "
                "Hãy nhập vào bản sao làm việc của xã đó, hoặc chọn tệp đầu ra mới.", path)
        if commune is not None and commune.crs_epsg and wc.commune.crs_epsg != commune.crs_epsg:
            have = wc.commune.crs_epsg
            wc.close()
            raise CadastreError(
                "import.other_crs",
                f"'{path}' is kept in EPSG:{have}, but EPSG:{commune.crs_epsg} was given. Give "
                f"the working copy's CRS (EPSG:{have}) or leave it out.",
                f"'{path}' dùng hệ tọa độ EPSG:{have}, nhưng đã chọn EPSG:{commune.crs_epsg}. "
                f"Hãy chọn hệ tọa độ của bản sao làm việc (EPSG:{have}) hoặc bỏ trống.", path)
        return wc, False
    if commune is None:
        raise CadastreError(
            "import.no_commune",
            f"'{path}' does not exist yet: give the commune (code, name and CRS) to create it.",
            f"'{path}' chưa tồn tại: hãy cho biết xã (mã, tên và hệ tọa độ) để tạo mới.", path)
    return WorkingCopy.create(path, commune), True


def sheet_for(commune: Commune, sheet_no: int, scale: int, geoms) -> MapSheet:
    """A map-sheet record for parcels: the grid sheet at ``scale`` holding them all, if there is
    one (then its number and frame), else a frame around them without a grid number."""
    geoms = np.asarray(geoms, dtype=object)
    minx, miny, maxx, maxy = shapely.total_bounds(geoms) if geoms.size else (0, 0, 1, 1)
    try:
        number = sheet_number_at((minx + maxx) / 2, (miny + maxy) / 2, scale)
        frame = shapely.box(*sheet_frame(number))
        if geoms.size and not shapely.covers(frame.buffer(1e-6), shapely.box(minx, miny, maxx,
                                                                              maxy)):
            number, frame = None, None
    except CadastreError:  # outside the VN-2000 grid (foreign data) or not a cadastral scale
        number, frame = None, None
    if frame is None:
        frame = shapely.box(minx, miny, maxx, maxy)
    return MapSheet(commune.code, int(sheet_no), number, int(scale), commune.crs_epsg, frame)


def existing_parcels(wc: WorkingCopy, sheet_nos, parcel_nos) -> np.ndarray:
    """Mask of (sheet, number) pairs that are current parcels of the working copy already."""
    current = set(wc.conn.execute(
        "SELECT sheet_no, parcel_no FROM parcels WHERE status = 'current'").fetchall())
    return np.array([(int(s), int(p)) in current for s, p in zip(sheet_nos, parcel_nos)],
                    dtype=bool)


def reject_existing(wc: WorkingCopy, geoms, columns: dict, rows=None) -> tuple:
    """(mask of the parcels to keep, problems for those the working copy has already).
    ``rows`` (source row numbers aligned with the parcels) names them in the problems."""
    geoms = np.asarray(geoms, dtype=object)
    if geoms.size == 0:
        return np.zeros(0, dtype=bool), []
    dup = existing_parcels(wc, columns["sheet_no"], columns["parcel_no"])
    problems = []
    reps = shapely.point_on_surface(geoms[dup])
    for i, rep in zip(np.flatnonzero(dup), reps):
        label = f"{columns['sheet_no'][i]}/{columns['parcel_no'][i]}"
        problems.append(problem(
            "import.already_present", "error",
            f"Parcel {label} is already a current parcel of this working copy, so it was not "
            "imported again. To replace it, record the change as a transaction, or import into "
            "a new working copy.",
            f"Thửa {label} đã có trong bản sao làm việc nên không được nhập lại. Để thay thế, "
            "hãy ghi nhận biến động, hoặc nhập vào một bản sao làm việc mới.",
            shapely.get_x(rep), shapely.get_y(rep), where=label, dropped=True,
            **({"row": int(rows[i])} if rows is not None else {})))
    return ~dup, problems


def take(keep, geoms, columns: dict, *aligned) -> tuple:
    """(geoms, columns, *aligned lists) reduced to the ``keep`` mask."""
    keep = np.asarray(keep, dtype=bool)
    geoms = np.asarray(geoms, dtype=object)[keep] if keep.size else np.array([], dtype=object)
    columns = {k: [v for v, ok in zip(vals, keep) if ok] for k, vals in columns.items()}
    return (geoms, columns, *([v for v, ok in zip(lst, keep) if ok] for lst in aligned))


def write_parcels(wc: WorkingCopy, geoms, columns: dict, operation: str, journal: bool,
                  sheets=(), holders=None) -> int:
    """Writes parcels (and sheets the working copy lacks, and holders) in one operation.

    ``columns`` maps parcel column names to lists; uuid, status, version and valid_from are
    filled when absent. ``holders`` is a list of holder names aligned with the parcels."""
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    now = utc_now()
    cols = dict(columns)
    cols.setdefault("commune_code", [wc.commune.code] * n)
    cols["uuid"] = [u or str(_uuid.uuid4()) for u in cols.get("uuid", [None] * n)]
    cols.setdefault("status", ["current"] * n)
    cols.setdefault("version", [1] * n)
    cols["valid_from"] = [v or now for v in cols.get("valid_from", [None] * n)]
    have = {s for (s,) in wc.conn.execute("SELECT sheet_no FROM map_sheets")}
    new_sheets = [s for s in sheets if s.sheet_no not in have]
    with wc.operation(operation, journal=journal) as conn:
        if new_sheets:
            wc.add_sheets(conn, new_sheets)
        if n:
            wc.add_parcels(conn, geoms, cols)
        if holders is not None:
            parties, rights, shares = holder_rows(holders, cols["uuid"], now)
            conn.executemany("INSERT INTO parties (uuid, kind, name) VALUES (?,?,?)", parties)
            conn.executemany("INSERT INTO rights (uuid, parcel_uuid, kind, valid_from) "
                             "VALUES (?,?,?,?)", rights)
            conn.executemany("INSERT INTO right_shares (right_uuid, party_uuid, share) "
                             "VALUES (?,?,?)", shares)
    return n
