"""Known faults injected into a clean coverage, for the tests and the benchmark.

Takes a clean coverage (``demo.generate_parcels``: shared vertices, roads as gaps between
blocks) and returns modified copies plus the truth: which rule must report what, on which
parcels, where. Faults are spread out (no two touch the same neighbourhood) so that each
produces exactly the findings listed in its truth and nothing else, which is what lets a test
demand both recall and precision of 100 %.

What each kind does, and what it must be reported as:

* ``overlap``: a vertex pushed 0.3-0.6 m into the neighbour, in the middle of a shared edge:
  CAD-OVERLAP, the triangle.
* ``gap``: the same vertex pulled back by less than the tolerance: CAD-GAP, the triangle, and
  CAD-NEAR-COINCIDENT, the vertex (it is within the tolerance of the neighbour's edge).
* ``near_coincident``: pushed out by less than the tolerance: CAD-NEAR-COINCIDENT and the thin
  CAD-OVERLAP it makes.
* ``bowtie``: two consecutive vertices of a four-sided parcel swapped: CAD-INVALID-GEOMETRY at
  the crossing.
* ``spike``: an out-and-back of 1.5-3 m into the road, at under 1°: CAD-SPIKE, its tip.
* ``duplicate_vertex`` / ``near_duplicate_vertex``: a vertex repeated, or a new one on the edge
  closer than the tolerance to an existing one: CAD-DUPLICATE-VERTEX.
* ``duplicate_geometry``: a parcel's neighbour replaced by a copy of it: CAD-DUPLICATE-GEOMETRY.
* ``multipart``: a 1 m islet added in the road: CAD-MULTIPART, the islet.
* ``duplicate_number``, ``unknown_landuse``, ``missing_landuse``, ``bad_commune``,
  ``area_discrepancy``: attribute faults, reported on the parcel(s).

Geometry faults keep the legal area in step with the new geometry (as if the register had been
updated), so that they raise no area finding of their own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from ..area import round_area

GEOMETRY_KINDS = ("overlap", "gap", "near_coincident", "bowtie", "spike", "duplicate_vertex",
                  "near_duplicate_vertex", "duplicate_geometry", "multipart")
ATTRIBUTE_KINDS = ("duplicate_number", "unknown_landuse", "missing_landuse", "bad_commune",
                   "area_discrepancy")
KINDS = GEOMETRY_KINDS + ATTRIBUTE_KINDS


@dataclass(frozen=True)
class Truth:
    rule: str
    rows: tuple
    geometry: object
    kind: str


@dataclass
class Injected:
    geoms: np.ndarray
    attrs: dict
    truth: list = field(default_factory=list)

    def expected(self, rule: str | None = None) -> list:
        return [t for t in self.truth if rule is None or t.rule == rule]


def inject(geoms, attrs: dict | None = None, counts: dict | None = None, seed: int = 0,
           tolerance: float = 0.15, avoid=None) -> Injected:
    """Inject ``counts`` ({kind: n}) faults. ``attrs`` columns (sheet_no, parcel_no, landuse,
    commune_code, legal_area) are copied and modified as needed; ``avoid`` is a geometry
    (e.g. the sheet frame edges) that parcels with geometry faults must not touch."""
    inj = _Injector(geoms, attrs or {}, seed, tolerance, avoid)
    for kind, n in (counts or {}).items():
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; kinds: {', '.join(KINDS)}")
        for _ in range(int(n)):
            inj.one(kind)
    return Injected(inj.geoms, inj.attrs, inj.truth)


class _Injector:
    def __init__(self, geoms, attrs, seed, tolerance, avoid):
        self.geoms = np.array(geoms, dtype=object, copy=True)
        self.attrs = {k: np.array(v, dtype=object, copy=True) for k, v in attrs.items()}
        self.rng = np.random.default_rng(seed)
        self.tol = float(tolerance)
        self.tree = shapely.STRtree(self.geoms)
        n = len(self.geoms)
        self.blocked = np.zeros(n, dtype=bool)  # geometry faults: one per neighbourhood
        self.used = np.zeros(n, dtype=bool)  # attribute faults: one per parcel
        # Geometry and attribute faults never share a parcel, so that each keeps its truth.
        self.geom_rows = np.zeros(n, dtype=bool)
        if avoid is not None:
            self.blocked[self.tree.query(avoid, predicate="intersects")] = True
        self.truth = []

    # -- bookkeeping -----------------------------------------------------------------------
    def _free(self, mask) -> int | None:
        free = np.flatnonzero(~mask)
        if free.size == 0:
            raise RuntimeError("no parcel left to inject a fault into: ask for fewer faults")
        return int(self.rng.choice(free))

    def _free_polygon(self) -> tuple:
        """A random parcel not yet used or blocked, with its geometry (None if it is not a
        single polygon, which the geometric faults need)."""
        i = self._free(self.blocked | self.used)
        g = self.geoms[i]
        return i, (g if g.geom_type == "Polygon" else None)

    def _block(self, *rows) -> None:
        rows = list(rows)
        near = self.tree.query(shapely.buffer(self.geoms[rows], 2.0), predicate="intersects")
        self.blocked[rows] = True
        self.geom_rows[rows] = True
        self.blocked[near[1]] = True

    def _neighbours(self, i: int) -> np.ndarray:
        nb = self.tree.query(self.geoms[i], predicate="touches")
        return nb[nb != i]

    def _edges(self, i: int):
        ring = np.asarray(self.geoms[i].exterior.coords)
        return ring, [(tuple(ring[k]), tuple(ring[k + 1])) for k in range(len(ring) - 1)]

    def _shared_edge(self, i: int):
        """(j, k, a, b): a neighbour j and the k-th edge a->b of i that j has too (reversed)."""
        ring, edges = self._edges(i)
        options = []
        for j in self._neighbours(i):
            if self.blocked[j] or self.used[j]:
                continue
            _, theirs = self._edges(j)
            theirs = set(theirs)
            for k, (a, b) in enumerate(edges):
                if (b, a) in theirs and np.hypot(b[0] - a[0], b[1] - a[1]) > 8 * self.tol + 4:
                    options.append((int(j), k, np.array(a), np.array(b)))
        if not options:
            return None
        return options[self.rng.integers(len(options))]

    def _road_edge(self, i: int):
        """(k, a, b): an edge of i no neighbour shares (it borders a road)."""
        ring, edges = self._edges(i)
        shared = set()
        for j in self._neighbours(i):
            shared |= set(self._edges(j)[1])
        options = [(k, np.array(a), np.array(b)) for k, (a, b) in enumerate(edges)
                   if (b, a) not in shared and np.hypot(b[0] - a[0], b[1] - a[1]) > 4]
        if not options:
            return None
        return options[self.rng.integers(len(options))]

    def _set(self, i: int, geom) -> None:
        self.geoms[i] = geom
        if "legal_area" in self.attrs and self.attrs["legal_area"][i] is not None:
            self.attrs["legal_area"][i] = float(round_area(geom.area))

    def _add(self, rule, rows, geometry, kind) -> None:
        self.truth.append(Truth(rule, tuple(sorted(int(r) for r in rows)), geometry, kind))

    @staticmethod
    def _outward(i_geom, a, b):
        """Unit tangent of a->b and the unit normal pointing out of the parcel."""
        t = (b - a) / np.hypot(*(b - a))
        n = np.array([t[1], -t[0]])
        mid = (a + b) / 2
        if i_geom.contains(shapely.Point(mid + n * 0.01)):
            n = -n
        return t, n

    @staticmethod
    def _insert_after(geom, k: int, points):
        ring = np.asarray(geom.exterior.coords)
        ring = np.vstack([ring[: k + 1], np.asarray(points, dtype=float).reshape(-1, 2), ring[k + 1:]])
        return shapely.Polygon(ring, [np.asarray(h.coords) for h in geom.interiors])

    # -- faults ----------------------------------------------------------------------------
    def one(self, kind: str) -> None:
        for _ in range(200):
            if getattr(self, "_" + kind)():
                return
        raise RuntimeError(f"could not place a {kind} fault: the coverage is too small or full")

    def _vertex_on_shared_edge(self, kind: str) -> bool:
        i, g = self._free_polygon()
        if g is None:
            return False
        found = self._shared_edge(i)
        if found is None:
            return False
        j, k, a, b = found
        t, n = self._outward(g, a, b)
        if kind == "overlap":
            d = self.rng.uniform(0.3, 0.6)
        else:
            d = self.rng.uniform(0.25, 0.75) * self.tol
        sign = -1.0 if kind == "gap" else 1.0
        m = (a + b) / 2 + sign * d * n
        tri = shapely.Polygon([a, m, b])
        # The fault must stay between i and j: far from every other parcel.
        others = self.tree.query(shapely.buffer(tri, self.tol * 2), predicate="intersects")
        for o in others:
            if o not in (i, j) and self.geoms[o].distance(shapely.Point(m)) <= self.tol * 2:
                return False
        new = self._insert_after(g, k, [m])
        if not new.is_valid:
            return False
        self._set(i, new)
        if kind == "gap":
            self._add("CAD-GAP", (i, j), tri, kind)
            self._add("CAD-NEAR-COINCIDENT", (i, j), shapely.Point(m), kind)
        else:
            self._add("CAD-OVERLAP", (i, j), tri, kind)
            if kind == "near_coincident":
                self._add("CAD-NEAR-COINCIDENT", (i, j), shapely.Point(m), kind)
        self._block(i, j)
        return True

    def _overlap(self) -> bool:
        return self._vertex_on_shared_edge("overlap")

    def _gap(self) -> bool:
        return self._vertex_on_shared_edge("gap")

    def _near_coincident(self) -> bool:
        return self._vertex_on_shared_edge("near_coincident")

    def _bowtie(self) -> bool:
        i, g = self._free_polygon()
        if g is None or len(g.exterior.coords) != 5:
            return False
        ring = np.asarray(g.exterior.coords)[:-1]
        k = int(self.rng.integers(4))
        ring[[k, (k + 1) % 4]] = ring[[(k + 1) % 4, k]]
        bad = shapely.Polygon(ring)
        # The two edges that now cross: (k-1 -> k) and (k+1 -> k+2).
        cross = shapely.intersection(shapely.LineString([ring[(k - 1) % 4], ring[k]]),
                                     shapely.LineString([ring[(k + 1) % 4], ring[(k + 2) % 4]]))
        if bad.is_valid or cross.geom_type != "Point":
            return False
        self.geoms[i] = bad  # its legal area stays: the parcel did not change, its drawing did
        self._add("CAD-INVALID-GEOMETRY", (i,), cross, "bowtie")
        self._block(i)
        return True

    def _spike(self) -> bool:
        i, g = self._free_polygon()
        if g is None:
            return False
        found = self._road_edge(i)
        if found is None:
            return False
        k, a, b = found
        t, n = self._outward(g, a, b)
        mid = (a + b) / 2
        half, length = self.rng.uniform(0.004, 0.008), self.rng.uniform(1.5, 3.0)
        tip = mid + length * n
        if self.tree.query(shapely.buffer(shapely.Point(tip), 1.0), predicate="intersects").size:
            return False
        new = self._insert_after(g, k, [mid - half * t, tip, mid + half * t])
        if not new.is_valid:
            return False
        self._set(i, new)
        self._add("CAD-SPIKE", (i,), shapely.Point(tip), "spike")
        self._block(i)
        return True

    def _duplicate_vertex(self) -> bool:
        i, g = self._free_polygon()
        if g is None:
            return False
        ring = np.asarray(g.exterior.coords)
        k = int(self.rng.integers(len(ring) - 1))
        self._set(i, self._insert_after(g, k, [ring[k]]))
        self._add("CAD-DUPLICATE-VERTEX", (i,), shapely.Point(ring[k]), "duplicate_vertex")
        self._block(i)
        return True

    def _near_duplicate_vertex(self) -> bool:
        i, g = self._free_polygon()
        if g is None:
            return False
        ring = np.asarray(g.exterior.coords)
        k = int(self.rng.integers(len(ring) - 1))
        a, b = ring[k], ring[k + 1]
        length = np.hypot(*(b - a))
        if length < 4 * self.tol:
            return False
        s = self.rng.uniform(0.3, 0.7) * self.tol
        q = a + (b - a) * (s / length)
        self._set(i, self._insert_after(g, k, [q]))
        self._add("CAD-DUPLICATE-VERTEX", (i,), shapely.LineString([a, q]), "near_duplicate_vertex")
        self._block(i)
        return True

    def _duplicate_geometry(self) -> bool:
        i = self._free(self.blocked | self.used)
        nb = [j for j in self._neighbours(i) if not (self.blocked[j] or self.used[j])]
        if not nb or self.geoms[i].geom_type != "Polygon":
            return False
        j = int(nb[self.rng.integers(len(nb))])
        self._set(j, shapely.Polygon(self.geoms[i].exterior.coords))
        self._add("CAD-DUPLICATE-GEOMETRY", (i, j), self.geoms[i], "duplicate_geometry")
        self._block(i, j)
        return True

    def _multipart(self) -> bool:
        i, g = self._free_polygon()
        if g is None:
            return False
        found = self._road_edge(i)
        if found is None:
            return False
        k, a, b = found
        t, n = self._outward(g, a, b)
        c = (a + b) / 2 + 2.5 * n
        islet = shapely.Polygon([c - 0.5 * t - 0.5 * n, c + 0.5 * t - 0.5 * n,
                                 c + 0.5 * t + 0.5 * n, c - 0.5 * t + 0.5 * n])
        if self.tree.query(shapely.buffer(islet, 1.0), predicate="intersects").size:
            return False
        self._set(i, shapely.MultiPolygon([g, islet]))
        self._add("CAD-MULTIPART", (i,), islet, "multipart")
        self._block(i)
        return True

    # -- attribute faults ------------------------------------------------------------------
    def _need(self, *names) -> None:
        missing = [n for n in names if n not in self.attrs]
        if missing:
            raise ValueError(f"this fault needs the attribute column(s) {', '.join(missing)}")

    def _duplicate_number(self) -> bool:
        self._need("sheet_no", "parcel_no")
        i = self._free(self.used | self.geom_rows)
        same = np.flatnonzero((self.attrs["sheet_no"] == self.attrs["sheet_no"][i])
                              & ~self.used & ~self.geom_rows)
        same = same[same != i]
        if same.size == 0:
            return False
        j = int(self.rng.choice(same))
        self.attrs["parcel_no"][i] = self.attrs["parcel_no"][j]
        polys = shapely.get_parts(self.geoms[[i, j]])
        self._add("CAD-DUPLICATE-NUMBER", (i, j), shapely.multipolygons(polys), "duplicate_number")
        self.used[[i, j]] = True
        return True

    def _attribute(self, column: str, value, rule: str, kind: str) -> bool:
        self._need(column)
        i = self._free(self.used | self.geom_rows)
        self.attrs[column][i] = value
        self._add(rule, (i,), self.geoms[i], kind)
        self.used[i] = True
        return True

    def _unknown_landuse(self) -> bool:
        return self._attribute("landuse", ["XYZ", "ONTT", "KHAC"][self.rng.integers(3)],
                               "CAD-LANDUSE-CODE", "unknown_landuse")

    def _missing_landuse(self) -> bool:
        return self._attribute("landuse", None, "CAD-LANDUSE-CODE", "missing_landuse")

    def _bad_commune(self) -> bool:
        return self._attribute("commune_code", ["1168A", "116860", "ABCDE"][self.rng.integers(3)],
                               "CAD-COMMUNE-CODE", "bad_commune")

    def _area_discrepancy(self) -> bool:
        self._need("legal_area")
        i = self._free(self.used | self.geom_rows)
        self.attrs["legal_area"][i] = float(round_area(self.geoms[i].area * 1.25))
        self._add("CAD-AREA-DISCREPANCY", (i,), self.geoms[i], "area_discrepancy")
        self.used[i] = True
        return True


@dataclass
class Score:
    matched: list  # (truth, finding)
    missed: list  # truths no finding reports
    unexpected: list  # findings no truth explains

    @property
    def recall(self) -> float:
        total = len(self.matched) + len(self.missed)
        return len(self.matched) / total if total else 1.0

    @property
    def precision(self) -> float:
        total = len(self.matched) + len(self.unexpected)
        return len(self.matched) / total if total else 1.0


def score(findings, truth, distance: float = 1e-6) -> Score:
    """Findings against the truth: same rule, same parcels, and the error geometry where the
    fault was made (Hausdorff distance within ``distance``: the location must be exact)."""
    by_key: dict = {}
    for f in findings:
        by_key.setdefault((f.rule, tuple(sorted(f.rows))), []).append(f)
    matched, missed, used = [], [], set()
    for t in truth:
        hit = None
        for f in by_key.get((t.rule, t.rows), []):
            if id(f) in used or f.geometry is None:
                continue
            if shapely.hausdorff_distance(f.geometry, t.geometry) <= distance:
                hit = f
                break
        if hit is None:
            missed.append(t)
        else:
            used.add(id(hit))
            matched.append((t, hit))
    unexpected = [f for f in findings if id(f) not in used]
    return Score(matched, missed, unexpected)
