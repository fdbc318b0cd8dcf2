"""The working copy: one GeoPackage that holds a commune's parcels, parties, rights, history and
the journal of every change, readable by QGIS without any plugin.

Opening is careful: a file that is missing, is not a GeoPackage, is a GeoPackage of something
else, or was written by a newer schema is refused with a message and left untouched (it is
inspected read-only before anything is written). Writes go through :meth:`WorkingCopy.operation`,
one SQLite transaction per operation, with the journal written by triggers in that same
transaction.
"""
from __future__ import annotations

import json
import os
import sqlite3
import uuid as _uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

from . import gpkg, schema
from .messages import CadastreError
from .model import Commune, MapSheet, Parcel
from .schema import PARCEL_COLUMN_NAMES, PARCEL_LAYER, SHEET_LAYER, SCHEMA_VERSION

__all__ = ["WorkingCopy", "WorkingCopyError", "is_working_copy", "PARCEL_LAYER", "SHEET_LAYER"]

STYLES_DIR = Path(__file__).resolve().parent.parent / "styles"


class WorkingCopyError(CadastreError):
    pass


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _connect(path: str, readonly: bool = False) -> sqlite3.Connection:
    uri = f"file:{Path(path).resolve().as_posix()}?mode={'ro' if readonly else 'rw'}"
    # isolation_level=None: transactions are opened explicitly (BEGIN IMMEDIATE) by operation().
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10)
    gpkg.register_functions(conn)
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn


def _inspect(path: str) -> Optional[int]:
    """The schema version of a working copy; raises WorkingCopyError for anything else.

    Read-only, so that a file we refuse stays byte-for-byte what it was."""
    p = Path(path)
    if not p.exists():
        raise WorkingCopyError(
            "wc.missing", f"The working copy '{path}' does not exist: check the path, or create "
            "one (cadastre new-demo, or Check out).",
            f"Không tìm thấy bản sao làm việc '{path}': kiểm tra đường dẫn, hoặc tạo mới.", path)
    if p.is_dir():
        raise WorkingCopyError(
            "wc.directory", f"'{path}' is a folder, not a GeoPackage working copy (.gpkg).",
            f"'{path}' là thư mục, không phải tệp GeoPackage (.gpkg).", path)
    with open(p, "rb") as fh:
        magic = fh.read(16)
    if magic != b"SQLite format 3\x00":
        raise WorkingCopyError(
            "wc.not_gpkg", f"'{path}' is not a GeoPackage (not even an SQLite file): open the "
            ".gpkg working copy instead.",
            f"'{path}' không phải tệp GeoPackage: hãy mở tệp bản sao làm việc .gpkg.", path)
    conn = _connect(path, readonly=True)
    try:
        if not gpkg.is_geopackage(conn):
            raise WorkingCopyError(
                "wc.not_gpkg", f"'{path}' is an SQLite database but not a GeoPackage.",
                f"'{path}' là cơ sở dữ liệu SQLite nhưng không phải GeoPackage.", path)
        has_meta = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table' "
                                "AND name='cadastre_meta'").fetchone()[0]
        meta = dict(conn.execute("SELECT key, value FROM cadastre_meta")) if has_meta else {}
    finally:
        conn.close()
    if meta.get("application") != schema.APP_NAME:
        raise WorkingCopyError(
            "wc.not_working_copy",
            f"'{path}' is a GeoPackage but not a Cadastre Editor working copy. To bring its "
            "parcels in, import it into a working copy.",
            f"'{path}' là GeoPackage nhưng không phải bản sao làm việc của Cadastre Editor. "
            "Hãy nhập dữ liệu của nó vào một bản sao làm việc.", path)
    version = int(meta.get("schema_version", 0))
    if version > SCHEMA_VERSION:
        raise WorkingCopyError(
            "wc.newer_schema",
            f"'{path}' was written by a newer Cadastre Editor (schema {version}); this version "
            f"reads schema {SCHEMA_VERSION} at most. Update the plugin; the file was not changed.",
            f"'{path}' được tạo bởi phiên bản Cadastre Editor mới hơn (lược đồ {version}); "
            f"phiên bản này chỉ đọc được đến lược đồ {SCHEMA_VERSION}. Hãy cập nhật plugin; "
            "tệp không bị thay đổi.", path)
    return version


def is_working_copy(path: str) -> bool:
    try:
        _inspect(path)
        return True
    except (WorkingCopyError, sqlite3.Error, OSError):
        return False


class WorkingCopy:
    """An open working copy. Use as a context manager, or call close()."""

    def __init__(self, path: str, conn: sqlite3.Connection):
        self.path = str(path)
        self.conn = conn
        self._journalling = True
        self._in_operation = False

    # -- opening and creating -------------------------------------------------------------
    @classmethod
    def open(cls, path: str, migrate: bool = True) -> "WorkingCopy":
        version = _inspect(path)
        if version < SCHEMA_VERSION and not migrate:
            raise WorkingCopyError(
                "wc.old_schema", f"'{path}' has schema {version} and needs migrating to "
                f"{SCHEMA_VERSION}; open it with migration allowed.",
                f"'{path}' dùng lược đồ {version}, cần nâng cấp lên {SCHEMA_VERSION}.", path)
        wc = cls(path, _connect(path))
        if version < SCHEMA_VERSION:
            with wc._transaction():
                schema.migrate(wc.conn, version, wc.commune.crs_epsg)
        return wc

    @classmethod
    def create(cls, path: str, commune: Commune, overwrite: bool = False,
               schema_version: int = SCHEMA_VERSION) -> "WorkingCopy":
        """A new, empty working copy for one commune (``schema_version`` below the current one
        exists for migration tests)."""
        p = Path(path)
        if p.exists():
            if not overwrite:
                raise WorkingCopyError(
                    "wc.exists", f"'{path}' exists already; choose another name or delete it first.",
                    f"'{path}' đã tồn tại; chọn tên khác hoặc xoá tệp cũ trước.", path)
            p.unlink()
        p.parent.mkdir(parents=True, exist_ok=True)
        # Build beside the target and rename: a crash never leaves a half-made working copy.
        tmp = p.with_name(p.name + ".part")
        if tmp.exists():
            tmp.unlink()
        conn = sqlite3.connect(str(tmp), isolation_level=None)
        gpkg.register_functions(conn)
        try:
            conn.execute("BEGIN")
            gpkg.init_geopackage(conn)
            schema.migrate(conn, 0, commune.crs_epsg, schema_version)
            conn.executemany("INSERT OR REPLACE INTO cadastre_meta VALUES (?, ?)", [
                ("application", schema.APP_NAME), ("created_at", utc_now()),
                ("commune_code", commune.code)])
            conn.execute("INSERT INTO communes (code, name, district_code, district_name, "
                         "province_code, province_name, crs_epsg) VALUES (?,?,?,?,?,?,?)",
                         (commune.code, commune.name, commune.district_code,
                          commune.district_name, commune.province_code, commune.province_name,
                          commune.crs_epsg))
            _install_styles(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            tmp.unlink(missing_ok=True)
            raise
        conn.close()
        os.replace(tmp, p)
        return cls(str(p), _connect(str(p)))

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- transactions and the journal ------------------------------------------------------
    @contextmanager
    def _transaction(self):
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def operation(self, name: str, actor: Optional[str] = None, journal: bool = True):
        """One user operation (split, merge, transaction, import...) as one SQLite transaction.

        Every row it changes is journalled under one op_id carrying ``name``; with
        ``journal=False`` (bulk loads, applying pulled changes) nothing is journalled.

        An operation started inside another one joins it (same SQLite transaction, same op_id
        and name): a split/merge registration runs the split inside its own operation, so the
        geometry change and the new rights commit, roll back and sync as one unit."""
        if self._in_operation:
            yield self.conn
            return
        op_id = str(_uuid.uuid4())
        with self._transaction() as conn:
            self._journalling = journal
            conn.execute("UPDATE journal_context SET op_id=?, operation=?, actor=?, suspended=? "
                         "WHERE id = 1", (op_id, name, actor or _default_actor(), 0 if journal else 1))
            self._in_operation = True
            try:
                yield conn
            finally:
                # Reset inside the same transaction, so no other writer ever sees our context.
                conn.execute("UPDATE journal_context SET op_id=NULL, operation=NULL, actor=NULL, "
                             "suspended=0 WHERE id = 1")
                self._journalling = True
                self._in_operation = False

    # -- reading ----------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return int(self._meta("schema_version"))

    def _meta(self, key: str) -> Optional[str]:
        row = self.conn.execute("SELECT value FROM cadastre_meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def commune(self) -> Commune:
        row = self.conn.execute(
            "SELECT code, name, crs_epsg, district_code, district_name, province_code, "
            "province_name FROM communes WHERE code = ?", (self._meta("commune_code"),)).fetchone()
        return Commune(row[0], row[1], int(row[2]), *(v or "" for v in row[3:]))

    def count(self, table: str, where: str = "") -> int:
        return self.conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0]

    def summary(self) -> dict:
        c = self.commune
        return {
            "path": self.path, "schema_version": self.schema_version,
            "commune_code": c.code, "commune_name": c.name, "crs_epsg": c.crs_epsg,
            "province_name": c.province_name, "district_name": c.district_name,
            "parcels": self.count(PARCEL_LAYER),
            "parcels_current": self.count(PARCEL_LAYER, "WHERE status = 'current'"),
            "parcel_versions": self.count(schema.PARCEL_VERSIONS_LAYER),
            "sheets": self.count(SHEET_LAYER), "parties": self.count("parties"),
            "rights": self.count("rights"), "certificates": self.count("certificates"),
            "transactions": self.count("transactions"),
            "journal_entries": self.count("journal"),
            "journal_unpushed": self.count("journal", "WHERE confirmed_at IS NULL"),
        }

    def journal_entries(self, limit: int = 200, since_id: int = 0) -> list:
        """Newest first: what changed, when, by which operation, on which parcel."""
        rows = self.conn.execute(
            "SELECT j.id, j.op_id, j.recorded_at, j.operation, j.actor, j.action, j.table_name, "
            "j.row_fid, j.parcel_uuid, j.old, j.new, j.changeset_uuid, j.confirmed_at "
            "FROM journal j WHERE j.id > ? ORDER BY j.id DESC LIMIT ?", (since_id, limit))
        out = []
        for (id_, op_id, at, op, actor, action, table, fid, parcel_uuid, old, new, cs,
             confirmed) in rows:
            row = json.loads(new or old or "{}")
            out.append({"id": id_, "op_id": op_id, "recorded_at": at, "operation": op,
                        "actor": actor, "action": action, "table": table, "row_fid": fid,
                        "parcel_uuid": parcel_uuid, "sheet_no": row.get("sheet_no"),
                        "parcel_no": row.get("parcel_no"), "old": json.loads(old) if old else None,
                        "new": json.loads(new) if new else None, "changeset_uuid": cs,
                        "confirmed_at": confirmed})
        return out

    def sheets(self) -> list:
        rows = self.conn.execute(f"SELECT commune_code, sheet_no, grid_number, scale, crs_epsg, geom "
                                 f"FROM {SHEET_LAYER} ORDER BY sheet_no").fetchall()
        frames = gpkg.decode([r[5] for r in rows])
        return [MapSheet(r[0], r[1], r[2], r[3], r[4], f) for r, f in zip(rows, frames)]

    def parcels(self, where: str = "", params: Iterable = ()) -> list:
        cols = ", ".join(PARCEL_COLUMN_NAMES)
        rows = self.conn.execute(f"SELECT {cols}, geom FROM {PARCEL_LAYER} {where}",
                                 tuple(params)).fetchall()
        geoms = gpkg.decode([r[-1] for r in rows])
        return [Parcel(geometry=g, **dict(zip(PARCEL_COLUMN_NAMES, r[:-1])))
                for r, g in zip(rows, geoms)]

    def parcel_arrays(self):
        """All current parcels as (fids, shapely geometry array, dict of attribute arrays)."""
        cols = ", ".join(PARCEL_COLUMN_NAMES)
        rows = self.conn.execute(f"SELECT fid, {cols}, geom FROM {PARCEL_LAYER}").fetchall()
        fids = np.array([r[0] for r in rows], dtype=np.int64)
        geoms = gpkg.decode([r[-1] for r in rows])
        attrs = {c: np.array([r[i + 1] for r in rows], dtype=object)
                 for i, c in enumerate(PARCEL_COLUMN_NAMES)}
        return fids, geoms, attrs

    # -- writing ----------------------------------------------------------------------------
    def add_sheets(self, conn: sqlite3.Connection, sheets: Iterable[MapSheet]) -> None:
        sheets = list(sheets)
        gpkg.bulk_insert_features(
            conn, SHEET_LAYER, ("commune_code", "sheet_no", "grid_number", "scale", "crs_epsg"),
            [(s.commune_code, s.sheet_no, s.grid_number, s.scale, s.crs_epsg) for s in sheets],
            [s.frame for s in sheets], self.commune.crs_epsg)

    def add_parcels(self, conn: sqlite3.Connection, geoms, columns: dict) -> int:
        """Bulk insert: ``columns`` maps parcel column names to equal-length sequences.

        What the insert trigger would fill (UUID, status, version, start time) is filled here,
        so that an unjournalled load can skip the trigger (a quarter of the load time)."""
        n = len(geoms)
        columns = dict(columns)
        if columns.get("uuid") is None or any(u is None for u in columns["uuid"]):
            given = columns.get("uuid") or [None] * n
            columns["uuid"] = [u or str(_uuid.uuid4()) for u in given]
        now = utc_now()
        for name, default in (("status", "current"), ("version", 1), ("valid_from", now)):
            given = columns.get(name) or [None] * n
            columns[name] = [default if v is None else v for v in given]
        names = [c for c in PARCEL_COLUMN_NAMES if c in columns]
        rows = zip(*(columns[c] for c in names))
        skip = () if self._journalling else ("journal_parcels_insert",)
        return gpkg.bulk_insert_features(conn, PARCEL_LAYER, names, rows, geoms,
                                         self.commune.crs_epsg, skip_triggers=skip)


def _default_actor() -> str:
    return os.environ.get("CADASTRE_USER") or os.environ.get("USER") or "unknown"


def _install_styles(conn: sqlite3.Connection) -> None:
    """QGIS default styles (symbology, labels, Vietnamese aliases, form) for each layer, so the
    working copy looks right in QGIS with or without the plugin."""
    for qml in sorted(STYLES_DIR.glob("*.qml")):
        table = qml.stem
        conn.execute(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
            "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner) "
            "VALUES ('', '', ?, 'geom', ?, ?, '', 1, ?, '')",
            (table, f"cadastre {table}", qml.read_text(encoding="utf-8"),
             "Cadastre Editor default style"))
