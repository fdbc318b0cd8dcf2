"""The Czech ownership register (VFK) imported into a working copy: counts match the source
(144 parcels, 23 owners, 24 ownership records, 19 title deeds), the ownership records are the
same holders and shares as in the file (read here without GDAL), and every block is reported."""
import csv
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
import shapely

from cadastre_plugin.core import gpkg
from cadastre_plugin.core.transactions.state import State
from cadastre_plugin.core.working_copy import WorkingCopy

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "cz-vfk"
MAP, REGISTER = DATA / "789160_mapa.vfk", DATA / "789160_spi_s_jpv.vfk"
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"shared VFK data not at {DATA}")


def raw_block(path, block) -> list:
    """Rows of one VFK block as dicts, straight from the text."""
    header, rows = None, []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if line.startswith(f"&B{block};"):  # the block's field list
                header = [f.split(" ")[0] for f in line.split(";")[1:]]
            elif line.startswith(f"&D{block};"):
                values = next(csv.reader([line], delimiter=";", quotechar='"'))[1:]
                rows.append(dict(zip(header, values)))
    return rows


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    from cadastre_plugin.io.vfk_import import import_vfk

    path = tmp_path_factory.mktemp("vfk") / "saladin.gpkg"
    report = import_vfk([REGISTER, MAP], str(path))  # the map is read first whatever the order
    return path, report


def test_counts_match_the_source(imported):
    path, report = imported
    assert report.counts["parcels"] == 144
    assert report.counts["parties"] == 23
    assert report.counts["ownership_records"] == 24
    assert report.counts["certificates"] == 19
    assert report.counts["restrictions"] == 26
    blocks = {b.block: b for b in report.blocks}
    for name, expected in (("PAR", 144), ("OPSUB", 23), ("VLA", 24), ("TEL", 19), ("JPV", 26)):
        assert blocks[name].source == blocks[name].mapped == expected, name
    assert report.problems == []
    assert report.commune["source_unit_code"] == "789160"
    assert (report.commune["name"], report.commune["district"]) == ("Saladín", "Prachatice")


def test_every_block_of_the_source_is_reported_with_what_became_of_it(imported):
    _, report = imported
    counted = {}
    for path in (MAP, REGISTER):
        for line in path.read_bytes().splitlines():
            if line.startswith(b"&D"):
                name = line[2:line.index(b";")].decode()
                counted[name] = counted.get(name, 0) + 1
    assert {b.block: b.source for b in report.blocks} == counted
    for b in report.blocks:
        assert b.target or (b.note[0] and b.note[1]), b.block  # not mapped: says why
    assert {b.block for b in report.blocks if b.target == ""} >= {"BUD", "BDP", "LISTIN", "RZO"}
    lines = report.lines("en")
    assert any(line.startswith("BUD") and "building" in line for line in lines)


def test_ownership_records_are_the_file_s_holders_and_shares(imported):
    path, _ = imported
    source = {(r["TEL_ID"], r["OPSUB_ID"].strip('"'), r["TYPRAV_KOD"].strip('"'),
               Fraction(int(r["PODIL_CITATEL"] or 1), int(r["PODIL_JMENOVATEL"] or 1)))
              for r in raw_block(REGISTER, "VLA")}
    assert len(source) == 24
    with WorkingCopy.open(str(path)) as wc:
        ids = {(table, uuid): external for table, uuid, external in wc.conn.execute(
            "SELECT object_table, object_uuid, external_id FROM external_ids")}
        stored = set()
        for cert, party, kind, share in wc.conn.execute(
                "SELECT DISTINCT cp.certificate_uuid, s.party_uuid, r.kind, s.share "
                "FROM certificate_parcels cp JOIN rights r ON r.parcel_uuid = cp.parcel_uuid "
                "JOIN right_shares s ON s.right_uuid = r.uuid"):
            stored.add((ids[("certificates", cert)], ids[("parties", party)], kind,
                        Fraction(share)))
        kinds = json.loads((Path(__file__).resolve().parents[3] / "cadastre_plugin" / "io" /
                            "vfk_codes.json").read_text())["right_kind_by_typrav"]
        assert stored == {(tel, opsub, kinds[code][0], share)
                          for tel, opsub, code, share in source}
        # Every right of every parcel has shares summing to exactly one.
        state = State(wc.conn)
        for (p,) in wc.conn.execute("SELECT uuid FROM parcels"):
            for right in state.rights(p):
                assert sum(right.holders.values()) == 1


def test_parcels_keep_their_shape_area_and_czech_number(imported):
    path, _ = imported
    source = {r["ID"]: r for r in raw_block(REGISTER, "PAR")}
    with WorkingCopy.open(str(path)) as wc:
        assert wc.commune.crs_epsg == 5514 and wc.commune.code == "89160"
        rows = wc.conn.execute(
            "SELECT e.external_id, e.label, p.legal_area, p.area, p.parcel_no, p.landuse, p.geom "
            "FROM parcels p JOIN external_ids e ON e.object_uuid = p.uuid").fetchall()
    assert len(rows) == 144
    geoms = gpkg.decode([r[-1] for r in rows])
    assert shapely.is_valid(geoms).all()
    assert sorted(r[4] for r in rows) == list(range(1, 145))  # numbered by the sheet rule
    for (pid, label, legal, area, _, landuse, _), geom in zip(rows, geoms):
        src = source[pid]
        assert legal == float(src["VYMERA_PARCELY"])
        assert abs(area - legal) <= max(1.0, 0.05 * legal), label  # map area vs register
        number = src["KMENOVE_CISLO_PAR"] + (f"/{src['PODDELENI_CISLA_PAR']}"
                                             if src["PODDELENI_CISLA_PAR"] else "")
        assert label == ("st. " if src["DRUH_CISLOVANI_PAR"] == "1" else "") + number
        assert landuse
    assert sum(1 for r in rows if r[1].startswith("st. ")) == 10


def test_imported_parcels_take_registrations_like_any_other(imported, tmp_path):
    import shutil
    from datetime import date

    from cadastre_plugin.core.model import LegalDocument, Party
    from cadastre_plugin.core.transactions import NewRight, TransactionDraft, record, shares_of

    path = tmp_path / "copy.gpkg"
    shutil.copy(imported[0], path)
    with WorkingCopy.open(str(path)) as wc:
        p, = wc.conn.execute("SELECT r.parcel_uuid FROM rights r WHERE r.kind = 'land_use' "
                             "LIMIT 1").fetchone()
        old = State(wc.conn).right(p)
        buyer = Party("individual", "Nguyễn Văn Praha", birth_year=1990,
                      citizen_id="001090000123")
        record(wc, TransactionDraft("CN", [p], LegalDocument("V-1/2025", date(2025, 1, 10),
                                                             "Katastrální úřad Prachatice"),
                                    new_parties=[buyer], rights_after=[NewRight(
                                        shares_of([(buyer.uuid, 1)]), parcel_uuid=p,
                                        transferors=tuple(old.holders))]))
        assert State(wc.conn).right(p).holders == {buyer.uuid: 1}


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "cadastre_plugin.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[3],
                          env=env)


def test_command_line(tmp_path):
    out = tmp_path / "cli.gpkg"
    done = cli("import-vfk", DATA, "--output", out, "--json", "--report", tmp_path / "r.json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["counts"]["parcels"] == 144 and report["counts"]["ownership_records"] == 24
    assert json.loads((tmp_path / "r.json").read_text())["counts"] == report["counts"]
    again = cli("import-vfk", DATA, "--output", out)
    assert again.returncode == 2 and "exists already" in again.stderr
    bad = cli("import-vfk", tmp_path / "nothing.vfk", "--output", tmp_path / "x.gpkg")
    assert bad.returncode == 2 and "does not exist" in bad.stderr
    assert not (tmp_path / "x.gpkg").exists()
    code = cli("import-vfk", DATA, "--output", tmp_path / "y.gpkg", "--commune", "7891")
    assert code.returncode == 2 and "5-digit" in code.stderr


def test_without_the_map_file_every_parcel_is_reported_not_dropped_silently(tmp_path):
    done = cli("import-vfk", REGISTER, "--output", tmp_path / "spi.gpkg")
    assert done.returncode == 1
    assert done.stdout.count("has no polygon that GDAL could build") == 144
    assert "Wrote" in done.stdout and " 0 parcels" in done.stdout
