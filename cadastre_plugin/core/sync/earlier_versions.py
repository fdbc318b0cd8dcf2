"""The server's superseded parcel versions, brought by a check-out so that a parcel's history
(boundary and attributes as they were, SPEC 3.3) is complete offline from the first day. Later
versions need no download: a pull keeps the local version it replaces (``rows.keep_history``).
"""
from __future__ import annotations

from typing import Callable, Optional

from .. import gpkg
from ..schema import PARCEL_VERSIONS_LAYER
from .geojson import from_geojson
from .tables import TABLES

_COLUMNS = TABLES["parcels"].column_names


def fetch(client, commune: str, progress: Optional[Callable] = None,
          limit: int = 1000) -> list:
    """Every earlier parcel version of ``commune`` on the server, oldest first."""
    versions, after = [], 0
    while True:
        client.check_cancelled()
        page = client.get_json(f"/communes/{commune}/parcel-versions",
                               params={"after": after, "limit": limit})
        versions += page["versions"]
        if progress:
            progress(len(versions), 0, "downloading the parcel history")
        if page["next_after"] is None:
            return versions
        after = page["next_after"]


def store(conn, versions: list, srs_id: int) -> int:
    """Writes the versions of the parcels this working copy holds or descends from (a
    bounding-box copy holds only some of a commune's parcels; a parcel retired by a split may
    survive only as versions); returns how many were written."""
    held = {r[0] for r in conn.execute(
        "SELECT uuid FROM parcels UNION SELECT parent_uuid FROM parcel_lineage "
        "UNION SELECT child_uuid FROM parcel_lineage")}
    versions = [v for v in versions if v["uuid"] in held]
    blobs = gpkg.encode(from_geojson([v["data"].get("geometry") for v in versions]), srs_id)
    names = ("uuid", "version", "transaction_uuid", *_COLUMNS)
    conn.executemany(
        f"INSERT INTO {PARCEL_VERSIONS_LAYER} (geom, {', '.join(names)}) "
        f"VALUES (?, {', '.join('?' * len(names))})",
        [(blob, v["uuid"], v["version"], v.get("transaction_uuid"),
          *(v["data"].get(c) for c in _COLUMNS)) for v, blob in zip(versions, blobs)])
    return len(versions)
