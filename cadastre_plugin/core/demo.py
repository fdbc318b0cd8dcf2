"""A Vietnamese-shaped demo commune, generated deterministically from a seed.

Synthetic but shaped like the real thing: a commune of Hải Phòng in its own VN-2000 TM-3 zone
(EPSG:9210), village blocks separated by roads (roads are land between parcels, not parcels),
residential plots along them, rice fields, gardens and fish ponds further out, a school and a
commune office; 1:1000 map sheets numbered by Circular 25/2014, parcels numbered by the zig-zag
rule on each sheet; couples, households and individuals with valid-format CCCD numbers (all
invented), their rights and shares, certificates, and a few mortgages.

Parcels share their boundary vertices exactly, as in a clean cadastral map, so the generator
also feeds the topology benchmarks (an error injector adds known faults on top).
"""
from __future__ import annotations

import json
import uuid as _uuid
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

import numpy as np
import shapely

from .area import round_area
from .model import Commune, MapSheet
from .numbering import number_parcels
from .sheets import serial_numbers, sheet_frame, sheets_covering
from .working_copy import WorkingCopy

MAX_PARCELS = 640_000

DEMO_COMMUNE = Commune(
    code="11686", name="Xã Tân Tiến", crs_epsg=9210,
    district_code="312", district_name="Huyện An Dương",
    province_code="31", province_name="Thành phố Hải Phòng")

# Top-left corner of the commune in VN-2000 / TM-3 105°45′ (easting, northing), west of Hải
# Phòng city, on the 1:2000 sheet grid.
ORIGIN = (588_000.0, 2_310_000.0)
ROAD_WIDTH = 6.0
BLOCK_W, BLOCK_H = 160.0, 100.0
SHEET_SCALE = 1000  # rural residential areas are mapped at 1:1000


@dataclass(frozen=True)
class Zone:
    """How one kind of village block is divided into parcels."""

    key: str
    weight: float
    cols: int
    rows: int
    landuse: tuple  # (code, probability) choices for its parcels
    merge_rate: float  # share of cells merged with their right neighbour (bigger plots)
    owned_by: str  # "people" or "organisation"


ZONES = (
    Zone("residential", 0.45, 12, 4, (("ONT", 0.75), ("ONT+CLN", 0.2), ("TMD", 0.05)), 0.15, "people"),
    Zone("rice", 0.33, 6, 2, (("LUC", 0.9), ("LUK", 0.1)), 0.1, "people"),
    Zone("garden", 0.10, 8, 3, (("CLN", 0.7), ("BHK", 0.3)), 0.2, "people"),
    Zone("pond", 0.06, 3, 2, (("NTS", 1.0),), 0.0, "people"),
    Zone("public", 0.06, 2, 1, (("DGD", 0.35), ("TSC", 0.2), ("DYT", 0.15), ("DTT", 0.15),
                                ("NTD", 0.15)), 0.0, "organisation"),
)

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương",
            "Đinh", "Lương", "Phan", "Hà", "Mạc", "Trịnh", "Đào"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Công"]
MIDDLE_F = ["Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh"]
GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Hải", "Long", "Nam", "Thắng", "Cường", "Sơn", "Bình",
           "Quân", "Khánh", "Phúc", "Toàn", "Hiếu", "Trung"]
GIVEN_F = ["Lan", "Hoa", "Hương", "Mai", "Thảo", "Hằng", "Nga", "Linh", "Yến", "Dung",
           "Phương", "Thủy", "Hạnh", "Vân", "Trang", "Huyền"]
HAMLETS = ["Thôn Đông", "Thôn Tây", "Thôn Nam", "Thôn Bắc", "Thôn Trung", "Thôn Hạ",
           "Thôn Thượng", "Thôn Cấm"]
BANKS = [("Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh An Dương", "0100686174-203"),
         ("Ngân hàng TMCP Ngoại thương Việt Nam chi nhánh Hải Phòng", "0100112437-012"),
         ("Ngân hàng TMCP Công thương Việt Nam chi nhánh Hải Phòng", "0100111948-031")]
PUBLIC_HOLDERS = {"DGD": ("Trường Tiểu học Tân Tiến", "TSN"), "TSC": ("Ủy ban nhân dân xã Tân Tiến", "UBS"),
                  "DYT": ("Trạm Y tế xã Tân Tiến", "TSN"), "DTT": ("Ủy ban nhân dân xã Tân Tiến", "UBS"),
                  "NTD": ("Ủy ban nhân dân xã Tân Tiến", "UBS")}
CERT_AUTHORITY = "Sở Tài nguyên và Môi trường thành phố Hải Phòng"


def _uuids(rng: np.random.Generator, n: int) -> list:
    raw = rng.integers(0, 256, size=(n, 16), dtype=np.uint8)
    return [str(_uuid.UUID(bytes=bytes(r), version=4)) for r in raw]


class _UuidStream:
    """Deterministic UUIDs drawn from the seed in batches (one draw each is slow)."""

    def __init__(self, rng: np.random.Generator):
        self.rng, self.batch = rng, []

    def __call__(self) -> str:
        if not self.batch:
            self.batch = _uuids(self.rng, 4096)[::-1]
        return self.batch.pop()


def _block_parcels(rng, zone: Zone, x0: float, y0: float):
    """Parcels of one block whose top-left corner is (x0, y0): a jittered lattice whose nodes
    are shared by the neighbouring cells, plus merged cell pairs for variety."""
    cols, rows = zone.cols, zone.rows
    # Uneven column widths and row depths, as plots really are.
    widths = rng.uniform(0.7, 1.3, cols)
    xs = x0 + np.concatenate([[0], np.cumsum(widths)]) * (BLOCK_W / widths.sum())
    depths = rng.uniform(0.8, 1.2, rows)
    ys = y0 - np.concatenate([[0], np.cumsum(depths)]) * (BLOCK_H / depths.sum())
    nx, ny = np.meshgrid(xs, ys)  # node (r, c) at (nx[r, c], ny[r, c])
    cell_w, cell_h = BLOCK_W / cols, BLOCK_H / rows
    jitter = 0.12 * min(cell_w, cell_h)
    nx[1:-1, 1:-1] += rng.uniform(-jitter, jitter, (rows - 1, cols - 1))
    ny[1:-1, 1:-1] += rng.uniform(-jitter, jitter, (rows - 1, cols - 1))
    nodes = np.stack([nx, ny], axis=-1)

    merged = rng.random((rows, cols)) < zone.merge_rate
    merged[:, -1] = False
    # A cell merged into its left neighbour is not a parcel of its own; no chains of merges.
    merged[:, 1:] &= ~merged[:, :-1]
    absorbed = np.zeros_like(merged)
    absorbed[:, 1:] = merged[:, :-1]
    r, c = np.nonzero(~merged & ~absorbed)
    quads = np.stack([nodes[r, c], nodes[r + 1, c], nodes[r + 1, c + 1], nodes[r, c + 1],
                      nodes[r, c]], axis=1)
    r2, c2 = np.nonzero(merged)
    hexes = np.stack([nodes[r2, c2], nodes[r2 + 1, c2], nodes[r2 + 1, c2 + 1],
                      nodes[r2 + 1, c2 + 2], nodes[r2, c2 + 2], nodes[r2, c2 + 1],
                      nodes[r2, c2]], axis=1)
    polys = list(shapely.polygons(quads)) + list(shapely.polygons(hexes))
    order = np.concatenate([r * cols + c, r2 * cols + c2])  # keep the lattice order
    return [polys[i] for i in np.argsort(order, kind="stable")]


def generate_parcels(n: int, seed: int = 1):
    """(geometries, zone keys, landuse codes, hamlet names) for n parcels."""
    if not 1 <= n <= MAX_PARCELS:
        raise ValueError(f"parcels must be between 1 and {MAX_PARCELS}, not {n}")
    rng = np.random.default_rng(seed)
    weights = np.array([z.weight for z in ZONES])
    mean_cells = float(weights @ [z.cols * z.rows for z in ZONES]) * 0.9
    n_blocks = int(np.ceil(n / mean_cells * 1.1)) + 2
    # A landscape-format commune: about 1.6 times wider than tall, in whole blocks.
    bx = max(1, int(np.ceil(np.sqrt(n_blocks * 1.6 * BLOCK_H / BLOCK_W))))
    geoms, zones, hamlets = [], [], []
    block = 0
    while len(geoms) < n:
        row, col = divmod(block, bx)
        zone = ZONES[rng.choice(len(ZONES), p=weights / weights.sum())]
        x0 = ORIGIN[0] + ROAD_WIDTH + col * (BLOCK_W + ROAD_WIDTH)
        y0 = ORIGIN[1] - ROAD_WIDTH - row * (BLOCK_H + ROAD_WIDTH)
        parts = _block_parcels(rng, zone, x0, y0)
        geoms += parts
        zones += [zone.key] * len(parts)
        hamlets += [HAMLETS[(row // 4 * 3 + col // 6) % len(HAMLETS)]] * len(parts)
        block += 1
    geoms = shapely.orient_polygons(np.array(geoms[:n], dtype=object)) \
        if hasattr(shapely, "orient_polygons") else np.array(geoms[:n], dtype=object)
    zones = np.array(zones[:n])
    landuse = np.empty(n, dtype=object)
    for z in ZONES:
        idx = np.flatnonzero(zones == z.key)
        codes, probs = zip(*z.landuse)
        landuse[idx] = np.array(codes, dtype=object)[rng.choice(len(codes), size=len(idx), p=probs)]
    return geoms, zones, landuse, np.array(hamlets[:n], dtype=object), rng


def _sheets(geoms, commune: Commune):
    """The 1:2000 sheets that hold the parcels, serially numbered, and each parcel's sheet."""
    points = shapely.point_on_surface(geoms)
    numbers = sheets_covering(shapely.total_bounds(geoms), SHEET_SCALE)
    frames = np.array([shapely.box(*sheet_frame(s)) for s in numbers], dtype=object)
    tree = shapely.STRtree(frames)
    pt_idx, frame_idx = tree.query(points, predicate="within")
    sheet_of = np.full(len(geoms), -1)
    sheet_of[pt_idx] = frame_idx
    used = np.unique(sheet_of)
    used_numbers = [numbers[i] for i in used]
    serial = dict(zip(used_numbers, serial_numbers(used_numbers)))
    sheet_no = np.array([serial[numbers[i]] for i in sheet_of])
    sheets = [MapSheet(commune.code, serial[numbers[i]], numbers[i], SHEET_SCALE,
                       commune.crs_epsg, frames[i]) for i in used]
    return sorted(sheets, key=lambda s: s.sheet_no), sheet_no


class _People:
    """Invented Vietnamese parties with valid-format, internally consistent CCCD numbers."""

    def __init__(self, rng: np.random.Generator, province_code: str):
        self.rng = rng
        self.new_uuid = _UuidStream(rng)
        self.prefix = "0" + province_code
        self.rows = []

    def person(self, female: bool, birth_year: int, address: str) -> str:
        rng = self.rng
        surname = SURNAMES[rng.integers(len(SURNAMES))]
        middle = (MIDDLE_F if female else MIDDLE_M)[rng.integers(6)]
        given = (GIVEN_F if female else GIVEN_M)[rng.integers(16)]
        century_digit = 2 * ((birth_year - 1900) // 100) + int(female)
        cccd = f"{self.prefix}{century_digit}{birth_year % 100:02d}{rng.integers(0, 10**6):06d}"
        return self._add("individual", f"{surname} {middle} {given}", birth_year, cccd, "", "GDC",
                         address, "")

    def group(self, kind: str, name: str, members: list, address: str) -> str:
        return self._add(kind, name, None, "", "", "GDC", address, json.dumps(members))

    def organisation(self, name: str, tax_code: str, user_type: str, address: str) -> str:
        return self._add("organisation", name, None, "", tax_code, user_type, address, "")

    def _add(self, kind, name, birth_year, cccd, tax, user_type, address, members) -> str:
        uid = self.new_uuid()
        self.rows.append((uid, kind, name, birth_year, cccd or None, tax or None, user_type,
                          address, members or None))
        return uid

    def holder(self, address: str):
        """A couple (60 %), a household (25 %) or a single person; returns (party, members)."""
        rng = self.rng
        kind = rng.choice(3, p=[0.6, 0.25, 0.15])
        year = int(rng.integers(1945, 2000))
        if kind == 2:
            return self.person(bool(rng.integers(2)), year, address)
        husband = self.person(False, year, address)
        wife = self.person(True, min(year + int(rng.integers(-2, 6)), 2003), address)
        head = self.rows[-2][2]
        if kind == 0:
            return self.group("couple", f"Ông {head} và bà {self.rows[-1][2]}", [husband, wife], address)
        return self.group("household", f"Hộ ông {head}", [husband, wife], address)


def generate(path: str, parcels: int = 2000, seed: int = 1, overwrite: bool = True,
             history: bool = True, history_splits: int = 0) -> dict:
    """Writes a demo working copy to ``path`` and returns its summary.

    ``history`` adds backdated registrations (transfers, inheritances, mortgages and their
    release, re-issued certificates...) to browse; ``history_splits`` adds that many split
    registrations too (they retire parcel numbers, so they are off unless asked for)."""
    commune = DEMO_COMMUNE
    geoms, zones, landuse, hamlets, rng = generate_parcels(parcels, seed)
    n = len(geoms)
    sheets, sheet_no = _sheets(geoms, commune)
    parcel_no = np.zeros(n, dtype=np.int64)
    for s in np.unique(sheet_no):
        idx = np.flatnonzero(sheet_no == s)
        parcel_no[idx] = number_parcels(geoms[idx])
    area = round_area(shapely.area(geoms))
    # Legal areas come from older surveys: most agree, some differ by a few per cent, and
    # parcels never registered have none.
    legal = area * np.where(rng.random(n) < 0.15, rng.uniform(0.96, 1.04, n), 1.0)
    legal = np.where(rng.random(n) < 0.08, np.nan, round_area(legal))
    starts = date(2010, 1, 1) + np.array(
        [timedelta(days=int(d)) for d in rng.integers(0, 365 * 14, n)])
    valid_from = [f"{d.isoformat()}T00:00:00Z" for d in starts]
    uuids = _uuids(rng, n)
    addresses = [f"{h}, {commune.name}, {commune.district_name}, {commune.province_name}"
                 for h in hamlets]

    people = _People(rng, commune.province_code)
    banks = [people.organisation(name, tax, "TKT", "Hải Phòng") for name, tax in BANKS]
    public = {}
    rights, shares, restrictions, certificates, cert_parcels = [], [], [], [], []
    for i in range(n):
        code = landuse[i].split("+")[0]
        right = people.new_uuid()
        if zones[i] == "public":
            name, user_type = PUBLIC_HOLDERS[code]
            if name not in public:
                public[name] = people.organisation(name, "", user_type, addresses[i])
            shares.append((right, public[name], "1"))
        elif rng.random() < 0.08:  # inherited by siblings in shares
            heirs = int(rng.integers(2, 4))
            for _ in range(heirs):
                person = people.person(bool(rng.integers(2)), int(rng.integers(1960, 2000)), addresses[i])
                shares.append((right, person, str(Fraction(1, heirs))))
        else:
            shares.append((right, people.holder(addresses[i]), "1"))
        term = None if zones[i] in ("residential", "public") else "2063-10-15"
        rights.append((right, uuids[i], "land_use", landuse[i], term, valid_from[i]))
        if zones[i] != "public" and rng.random() < 0.9:
            cert = people.new_uuid()
            letters = "C" + "ABCDEGHKLMNPQRSTUVXY"[rng.integers(20)]
            issued = starts[i] + timedelta(days=int(rng.integers(30, 200)))
            certificates.append((cert, f"{letters} {rng.integers(0, 10**6):06d}",
                                 f"CS {rng.integers(1, 10**5):05d}", issued.isoformat(),
                                 CERT_AUTHORITY))
            cert_parcels.append((cert, uuids[i]))
        if zones[i] in ("residential", "garden") and rng.random() < 0.05:
            registered = starts[i] + timedelta(days=int(rng.integers(200, 900)))
            restrictions.append((people.new_uuid(), uuids[i],
                                 "mortgage", banks[rng.integers(len(banks))],
                                 registered.isoformat(), "Thế chấp quyền sử dụng đất"))

    wc = WorkingCopy.create(path, commune, overwrite=overwrite)
    with wc.operation("demo", journal=False) as conn:
        wc.add_sheets(conn, sheets)
        wc.add_parcels(conn, geoms, {
            "uuid": uuids, "commune_code": [commune.code] * n, "sheet_no": sheet_no.tolist(),
            "parcel_no": parcel_no.tolist(), "area": area.tolist(),
            "legal_area": [None if np.isnan(v) else float(v) for v in legal],
            "landuse": landuse.tolist(), "address": addresses, "status": ["current"] * n,
            "version": [1] * n, "valid_from": valid_from})
        conn.executemany("INSERT INTO parties (uuid, kind, name, birth_year, citizen_id, tax_code, "
                         "user_type, address, members) VALUES (?,?,?,?,?,?,?,?,?)", people.rows)
        conn.executemany("INSERT INTO rights (uuid, parcel_uuid, kind, landuse, term_end, valid_from) "
                         "VALUES (?,?,?,?,?,?)", rights)
        conn.executemany("INSERT INTO right_shares (right_uuid, party_uuid, share) VALUES (?,?,?)",
                         shares)
        conn.executemany("INSERT INTO certificates (uuid, serial, entry_no, issue_date, authority) "
                         "VALUES (?,?,?,?,?)", certificates)
        conn.executemany("INSERT INTO certificate_parcels (certificate_uuid, parcel_uuid) "
                         "VALUES (?,?)", cert_parcels)
        conn.executemany("INSERT INTO restrictions (uuid, parcel_uuid, kind, creditor_uuid, "
                         "registered_on, note) VALUES (?,?,?,?,?,?)", restrictions)
        conn.execute("INSERT OR REPLACE INTO cadastre_meta VALUES ('demo_seed', ?)", (str(seed),))
    if history:
        from .transactions.demo_history import record_demo_history

        record_demo_history(wc, seed, count=min(60, max(8, n // 40)), splits=history_splits)
    summary = wc.summary()
    wc.close()
    return summary
