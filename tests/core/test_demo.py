"""The demo commune: deterministic, Vietnamese-shaped, and clean as a real cadastral map."""
import json
from collections import defaultdict
from fractions import Fraction

import numpy as np
import shapely

from cadastre_plugin.core import codelists, sheets
from cadastre_plugin.core.demo import generate, generate_parcels
from cadastre_plugin.core.numbering import number_parcels
from cadastre_plugin.core.validation import check_cccd
from cadastre_plugin.core.working_copy import WorkingCopy


def test_same_seed_same_commune_other_seed_other_commune():
    a, *_ = generate_parcels(400, seed=3)
    b, *_ = generate_parcels(400, seed=3)
    c, *_ = generate_parcels(400, seed=4)
    assert len(a) == 400
    assert all(shapely.equals_exact(a, b, 0))
    assert not all(shapely.equals_exact(a, c, 1e-6))


def test_demo_is_a_clean_coverage_in_the_hai_phong_zone(demo_path):
    with WorkingCopy.open(str(demo_path)) as wc:
        _, geoms, attrs = wc.parcel_arrays()
        assert wc.commune.crs_epsg == 9210 and wc.commune.province_code == "31"
    assert len(geoms) == 300
    assert shapely.is_valid(geoms).all()
    assert shapely.coverage_is_valid(geoms)  # shared vertices: no gap, overlap or T-junction
    assert (shapely.get_num_geometries(geoms) == 1).all()
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    assert 500_000 < minx < maxx < 700_000 and 2_200_000 < miny < maxy < 2_400_000
    # stored areas are the TM-3 areas rounded to 0.1 m²
    assert np.allclose(attrs["area"].astype(float), np.round(shapely.area(geoms), 1), atol=0.051)


def test_sheets_and_parcel_numbers_follow_circular_25(demo_path):
    with WorkingCopy.open(str(demo_path)) as wc:
        _, geoms, attrs = wc.parcel_arrays()
        sheet_list = wc.sheets()
    assert len(sheet_list) >= 2
    assert [s.sheet_no for s in sheet_list] == list(range(1, len(sheet_list) + 1))
    for s in sheet_list:
        assert s.frame.equals(shapely.box(*sheets.sheet_frame(s.grid_number)))
        assert s.scale == sheets.sheet_scale(s.grid_number)
        on_sheet = attrs["sheet_no"] == s.sheet_no
        points = shapely.point_on_surface(geoms[on_sheet])
        assert shapely.within(points, s.frame).all()
        numbers = attrs["parcel_no"][on_sheet].astype(int)
        assert sorted(numbers) == list(range(1, on_sheet.sum() + 1))
        assert (numbers == number_parcels(geoms[on_sheet])).all()
        # number 1 is the northernmost parcel of the sheet
        tops = shapely.bounds(geoms[on_sheet])[:, 3]
        assert tops[numbers == 1][0] >= tops.max() - 15


def test_landuse_mix_and_codes_are_from_the_code_list(demo_path):
    landuse = codelists.load("landuse")
    with WorkingCopy.open(str(demo_path)) as wc:
        values = [r[0] for r in wc.conn.execute("SELECT landuse FROM parcels")]
    for v in values:
        assert codelists.check_landuse(v, landuse) == [], v
    mains = {codelists.split_landuse(v)[0] for v in values}
    assert {"ONT", "LUC"} <= mains and len(mains) >= 5


def test_parties_rights_and_certificates_are_consistent(demo_path):
    with WorkingCopy.open(str(demo_path)) as wc:
        conn = wc.conn
        parties = {r[0]: r for r in conn.execute(
            "SELECT uuid, kind, name, birth_year, citizen_id, tax_code, members FROM parties")}
        parcels = {r[0] for r in conn.execute("SELECT uuid FROM parcels")}
        rights = dict(conn.execute("SELECT uuid, parcel_uuid FROM rights"))
        shares = conn.execute("SELECT right_uuid, party_uuid, share FROM right_shares").fetchall()
        certs = conn.execute("SELECT c.serial, cp.parcel_uuid FROM certificates c "
                             "JOIN certificate_parcels cp ON cp.certificate_uuid = c.uuid").fetchall()
        mortgages = conn.execute("SELECT parcel_uuid, creditor_uuid FROM restrictions "
                                 "WHERE kind='mortgage'").fetchall()
    assert set(rights.values()) == parcels  # every parcel has its land-use right
    totals = defaultdict(Fraction)
    for right, party, share in shares:
        assert party in parties
        totals[right] += Fraction(share)
    assert set(totals) == set(rights) and all(t == 1 for t in totals.values())
    kinds = {p[1] for p in parties.values()}
    assert {"individual", "couple", "household", "organisation"} <= kinds
    for uid, kind, name, birth_year, cccd, tax, members in parties.values():
        if kind == "individual":
            assert check_cccd(cccd, birth_year) == [], (name, cccd, birth_year)
            assert cccd.startswith("031")  # born and registered in Hải Phòng
        if kind in ("couple", "household"):
            assert all(m in parties for m in json.loads(members))
    assert any(ch in "ăâđêôơưáàảãạ" for p in parties.values() for ch in p[2].lower())
    assert len(certs) > 0.7 * len(parcels) and all(c[1] in parcels for c in certs)
    assert all(len(serial) == 9 for serial, _ in certs)
    assert all(parties[c][1] == "organisation" for _, c in mortgages)
