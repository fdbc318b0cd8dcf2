"""What a quality check looks at: the parcel geometries and attributes as arrays, a spatial
index built once, tolerances, code lists and the province's minimum split areas.

One context serves a whole session. A full check uses every row; :meth:`CheckContext.focused`
gives a view on a neighbourhood (the incremental check after an edit) that shares the arrays,
the spatial index and every per-row result already computed. :meth:`set_geometries` changes
parcels in place (a fix being tried, an edit) and forgets only what those changes can affect,
so the 640,000-parcel index is never rebuilt for a one-parcel edit.
"""
from __future__ import annotations

import numpy as np
import shapely

from ..codelists import load as load_codelist
from ..messages import CadastreError
from .spatial import POLYGONAL_TYPES, expanded_boxes, vectorised
from .tolerances import Tolerances

_ATTRIBUTES = ("sheet_no", "parcel_no", "landuse", "commune_code", "legal_area")

#: Above this many edited rows the index is rebuilt rather than patched.
_DIRTY_REBUILD = 5000


class _Shared:
    """State shared by a context and its focused views."""

    def __init__(self, geoms: np.ndarray):
        self.geoms = geoms
        n = len(geoms)
        self.tree = None
        self.dirty = np.zeros(n, dtype=bool)  # edited since the tree was built
        self.valid = np.full(n, -1, dtype=np.int8)  # -1 unknown, else 0/1
        self.edges = np.full(n, None, dtype=object)  # coverage invalid edges (None: none)
        self.edges_known = np.zeros(n, dtype=bool)
        self.attr_cache: dict = {}
        self.polygonal = None
        self.version = 0


class CheckContext:
    def __init__(self, geoms, *, ids=None, fids=None, sheet_no=None, parcel_no=None,
                 landuse=None, commune_code=None, legal_area=None,
                 tolerances: Tolerances | None = None, landuse_codes=None, commune=None,
                 sheets=None, min_split=None, crs: str | None = None,
                 crs_epsg: int | None = None, crs_wkt: str | None = None):
        geoms = np.array(geoms, dtype=object).ravel()
        # Many formats store every parcel as a MultiPolygon; one part is a plain polygon, and
        # the vertex fixes work on polygons.
        single = (shapely.get_type_id(geoms) == 6) & (shapely.get_num_geometries(geoms) == 1)
        if single.any():
            geoms[single] = shapely.get_geometry(geoms[single], 0)
        n = len(geoms)
        self._shared = _Shared(geoms)
        self.n = n
        self.fids = np.arange(n) if fids is None else _column(fids, n, "fids")
        self.ids = self.fids if ids is None else _column(ids, n, "ids")
        self.sheet_no = _column(sheet_no, n, "sheet_no")
        self.parcel_no = _column(parcel_no, n, "parcel_no")
        self.landuse = _column(landuse, n, "landuse")
        self.commune_code = _column(commune_code, n, "commune_code")
        self.legal_area = _column(legal_area, n, "legal_area")
        self.tolerances = tolerances or Tolerances()
        self.landuse_codes = landuse_codes or load_codelist("landuse")
        #: model.Commune of the working copy (expected commune code, province, district), or None.
        self.commune = commune
        #: {(commune_code, sheet_no): MapSheet} with frames, or None when the source has none.
        self.sheets = sheets
        #: min_split_area.MinSplitAreas for the commune's province, or None.
        self.min_split = min_split
        #: The CRS the geometries are in: a label for reports ("EPSG:9210"), its EPSG code
        #: and WKT when known (the error layer is written in it).
        self.crs = crs
        self.crs_epsg = crs_epsg
        self.crs_wkt = crs_wkt
        #: Source field mapping (role -> field name) when read from a file, for reports.
        self.source_fields: dict = {}
        self.focus = None
        self._cache: dict = {}

    # -- construction ----------------------------------------------------------------------
    @classmethod
    def from_working_copy(cls, wc, tolerance: float | None = None, **kwargs) -> "CheckContext":
        """The current parcels of a working copy, with its sheets, commune and province."""
        from .min_split_area import for_commune

        fids, geoms, attrs = wc.parcel_arrays()
        current = attrs["status"] == "current"
        sheets = {(s.commune_code, s.sheet_no): s for s in wc.sheets()}
        commune = wc.commune
        used = {(c, s) for c, s in zip(attrs["commune_code"][current], attrs["sheet_no"][current])}
        tolerances = kwargs.pop("tolerances", None) or Tolerances.for_scales(
            sheets[k].scale for k in used if k in sheets)
        return cls(geoms[current], ids=attrs["uuid"][current], fids=fids[current],
                   sheet_no=attrs["sheet_no"][current], parcel_no=attrs["parcel_no"][current],
                   landuse=attrs["landuse"][current], commune_code=attrs["commune_code"][current],
                   legal_area=attrs["legal_area"][current],
                   tolerances=tolerances.with_distance(tolerance), commune=commune,
                   sheets=sheets, min_split=for_commune(commune), crs=f"EPSG:{commune.crs_epsg}",
                   crs_epsg=commune.crs_epsg,
                   **kwargs)

    # -- scope -----------------------------------------------------------------------------
    @property
    def geoms(self) -> np.ndarray:
        return self._shared.geoms

    @property
    def rows(self) -> np.ndarray:
        """Rows whose findings are wanted: all, or the focused neighbourhood."""
        if self.focus is None:
            return np.arange(self.n)
        return self.focus

    @property
    def in_scope(self) -> np.ndarray:
        if "in_scope" not in self._cache:
            if self.focus is None:
                mask = np.ones(self.n, dtype=bool)
            else:
                mask = np.zeros(self.n, dtype=bool)
                mask[self.focus] = True
            self._cache["in_scope"] = mask
        return self._cache["in_scope"]

    def focused(self, rows) -> "CheckContext":
        """A view that checks only ``rows`` (sharing arrays, index and computed results)."""
        view = object.__new__(CheckContext)
        view.__dict__.update(self.__dict__)
        view.focus = np.unique(np.asarray(rows, dtype=np.int64))
        view._cache = {}
        return view

    def cached(self, key, compute):
        """Derived data computed once per context (view) and geometry version."""
        version = self._shared.version
        hit = self._cache.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        value = compute()
        self._cache[key] = (version, value)
        return value

    def attr_cached(self, key, compute):
        """Derived data of attributes only, shared by every view."""
        cache = self._shared.attr_cache
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    # -- geometry state --------------------------------------------------------------------
    @property
    def polygonal(self) -> np.ndarray:
        """Mask of the rows with a non-empty Polygon/MultiPolygon geometry (all rows; kept up
        to date by set_geometries, so a focused view never recomputes it)."""
        sh = self._shared
        if sh.polygonal is None:
            sh.polygonal = _polygonal(sh.geoms)
        return sh.polygonal

    def is_valid(self, rows: np.ndarray) -> np.ndarray:
        """GEOS validity of ``rows`` (computed once per row, in parallel for big sets)."""
        rows = np.asarray(rows, dtype=np.int64)
        state = self._shared.valid
        todo = rows[state[rows] < 0]
        if todo.size:
            geoms = self.geoms[todo]
            ok = np.zeros(todo.size, dtype=bool)
            poly = np.isin(shapely.get_type_id(geoms), POLYGONAL_TYPES)
            ok[poly] = vectorised(shapely.is_valid, geoms[poly])
            state[todo] = ok
        return state[rows].astype(bool)

    def usable(self, rows: np.ndarray) -> np.ndarray:
        """Rows that topology rules can work with: polygonal, non-empty and valid. Invalid
        parcels are reported by the validity rule and left out of coverage checks until fixed,
        since overlay results on them mean nothing."""
        rows = np.asarray(rows, dtype=np.int64)
        return self.polygonal[rows] & self.is_valid(rows)

    def set_geometries(self, rows, geoms) -> None:
        """Replace parcel geometries in place (a fix tried, an edit made)."""
        rows = np.asarray(rows, dtype=np.int64)
        geoms = np.asarray(geoms, dtype=object)
        sh = self._shared
        # Results that depend on the neighbours: the old and the new neighbourhoods.
        affected = np.union1d(rows, self.neighbour_rows(rows, self.tolerances.distance * 2))
        sh.geoms[rows] = geoms
        affected = np.union1d(affected, self.neighbour_rows(rows, self.tolerances.distance * 2))
        sh.valid[rows] = -1
        if sh.polygonal is not None:
            sh.polygonal[rows] = _polygonal(geoms)
        sh.edges_known[affected] = False
        sh.edges[affected] = None
        sh.dirty[rows] = True
        sh.version += 1
        if sh.dirty.sum() > _DIRTY_REBUILD:
            sh.tree = None

    def set_attributes(self, rows, **columns) -> None:
        """Change attribute values in place (an edit renumbered a parcel, changed its land
        use...); results grouped over all parcels (duplicate numbers, code lists) are redone."""
        rows = np.asarray(rows, dtype=np.int64)
        for name, values in columns.items():
            column = getattr(self, name, None)
            if name not in _ATTRIBUTES or column is None:
                raise CadastreError(
                    "quality.attribute", f"The context has no attribute column '{name}'.",
                    f"Ngữ cảnh kiểm tra không có cột thuộc tính '{name}'.")
            column[rows] = values
        self._shared.attr_cache.clear()

    # -- the spatial index -----------------------------------------------------------------
    @property
    def tree(self) -> shapely.STRtree:
        sh = self._shared
        if sh.tree is None:
            sh.tree = shapely.STRtree(sh.geoms)
            sh.dirty[:] = False
        return sh.tree

    def box_pairs(self, rows: np.ndarray, distance: float = 0.0):
        """(a, b): rows ``a`` from ``rows`` and ``b`` != ``a`` whose current bounding boxes come
        within ``distance``. The index holds the boxes it was built with; edited rows are
        compared directly, so the answer is always about the current geometries."""
        rows = np.asarray(rows, dtype=np.int64)
        if rows.size == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        if rows.size * self._shared.dirty.sum() > 4_000_000:
            self._shared.tree = None  # patching would cost more than rebuilding
        geoms = self.geoms[rows]
        present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        rows, geoms = rows[present], geoms[present]
        boxes = expanded_boxes(geoms, distance)
        qi, b = self.tree.query(boxes)
        dirty = np.flatnonzero(self._shared.dirty)
        if dirty.size:
            # The index's boxes of edited rows are stale: drop them, compare current ones.
            keep = ~self._shared.dirty[b]
            qi, b = qi[keep], b[keep]
            dg = self.geoms[dirty]
            dpresent = ~(shapely.is_missing(dg) | shapely.is_empty(dg))
            dirty, dg = dirty[dpresent], dg[dpresent]
            if dirty.size:
                qb = shapely.bounds(boxes)
                db = shapely.bounds(dg)
                hit = ((qb[:, None, 0] <= db[None, :, 2]) & (qb[:, None, 2] >= db[None, :, 0])
                       & (qb[:, None, 1] <= db[None, :, 3]) & (qb[:, None, 3] >= db[None, :, 1]))
                hq, hd = np.nonzero(hit)
                qi, b = np.concatenate([qi, hq]), np.concatenate([b, dirty[hd]])
        a = rows[qi]
        keep = a != b
        return a[keep], b[keep]

    def neighbour_pairs(self, rows: np.ndarray, distance: float | None = None):
        """(a, b): ``a`` in ``rows``, ``b`` another parcel within ``distance`` (default: the
        distance tolerance) of it, measured on the current geometries."""
        distance = self.tolerances.distance if distance is None else distance
        a, b = self.box_pairs(rows, distance)
        if a.size:
            near = shapely.dwithin(self.geoms[a], self.geoms[b], distance)
            a, b = a[near], b[near]
        return a, b

    def neighbour_rows(self, rows: np.ndarray, distance: float | None = None) -> np.ndarray:
        return np.unique(self.neighbour_pairs(rows, distance)[1])

    # -- attributes ------------------------------------------------------------------------
    def labels(self, rows) -> tuple:
        """("sheet 3 parcel 125", "tờ 3 thửa 125") for each row; the parcel id when the source
        has no sheet/parcel numbers."""
        rows = np.asarray(rows, dtype=np.int64)
        en, vi = [], []
        for r in rows.tolist():
            s = None if self.sheet_no is None else _text(self.sheet_no[r])
            p = None if self.parcel_no is None else _text(self.parcel_no[r])
            if s is not None and p is not None:
                en.append(f"sheet {s} parcel {p}")
                vi.append(f"tờ {s} thửa {p}")
            elif p is not None:
                en.append(f"parcel {p}")
                vi.append(f"thửa {p}")
            else:
                ident = _text(self.ids[r])
                en.append(f"parcel {ident}")
                vi.append(f"thửa {ident}")
        return en, vi

    def label(self, row: int) -> tuple:
        en, vi = self.labels([row])
        return en[0], vi[0]


def _polygonal(geoms: np.ndarray) -> np.ndarray:
    return np.isin(shapely.get_type_id(geoms), POLYGONAL_TYPES) & ~shapely.is_empty(geoms)


def _column(values, n: int, name: str):
    if values is None:
        return None
    arr = np.asarray(values, dtype=object).ravel() if not isinstance(values, np.ndarray) else values.ravel()
    if len(arr) != n:
        raise CadastreError(
            "quality.length", f"Column {name} has {len(arr)} values for {n} parcels; give one per parcel.",
            f"Cột {name} có {len(arr)} giá trị cho {n} thửa; mỗi thửa cần đúng một giá trị.")
    return arr


def _text(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "item"):
        value = value.item()
    text = str(value).strip()
    return text or None
