"""The engine's contract: stable ids, names in both languages, severities, tolerances from
the sheet scale, registry selection, progress and cancel."""
import pytest

from cadastre_plugin.core.messages import CadastreError
from cadastre_plugin.core.quality import CheckContext, Tolerances, run_rules
from cadastre_plugin.core.quality.registry import RULES, create, parse_ids, rule_ids
from cadastre_plugin.core.quality.run import Cancelled

from quality_helpers import rect

STABLE_IDS = ["CAD-INVALID-GEOMETRY", "CAD-MULTIPART", "CAD-OVERLAP", "CAD-GAP",
              "CAD-NEAR-COINCIDENT", "CAD-DUPLICATE-GEOMETRY", "CAD-DUPLICATE-VERTEX", "CAD-SPIKE",
              "CAD-DUPLICATE-NUMBER", "CAD-LANDUSE-CODE", "CAD-COMMUNE-CODE",
              "CAD-AREA-DISCREPANCY", "CAD-MIN-SPLIT-AREA", "CAD-OUTSIDE-SHEET"]


def test_rule_ids_are_stable_and_every_rule_is_described():
    assert rule_ids() == STABLE_IDS
    for cls in RULES:
        assert cls.name_en and cls.name_vi and cls.name_en != cls.name_vi
        assert cls.severity in ("error", "warning")
        assert cls.__module__.endswith(cls.__module__.rsplit(".", 1)[1])
    fixable = {cls.id for cls in RULES if cls.fixable}
    assert fixable == {"CAD-INVALID-GEOMETRY", "CAD-OVERLAP", "CAD-GAP", "CAD-NEAR-COINCIDENT",
                       "CAD-DUPLICATE-VERTEX", "CAD-SPIKE"}


def test_select_rules_by_id_in_report_order_with_a_tolerance():
    rules = create(parse_ids("cad-gap, CAD-OVERLAP"), tolerance=0.3)
    assert [r.id for r in rules] == ["CAD-OVERLAP", "CAD-GAP"]
    assert all(r.tolerance == 0.3 for r in rules)


def test_unknown_rule_and_bad_tolerance_are_bilingual_errors():
    with pytest.raises(CadastreError) as e:
        parse_ids("CAD-NOPE")
    assert "CAD-OVERLAP" in e.value.en and "Không có quy tắc" in e.value.vi
    with pytest.raises(CadastreError):
        create(["CAD-GAP"], tolerance=-1)
    with pytest.raises(CadastreError):
        Tolerances(distance=-0.1)


@pytest.mark.parametrize("scales,expected", [([1000], 0.15), ([2000, 500], 0.07), ([], 0.15),
                                             ([200], 0.05), ([10000], 3.0)])
def test_tolerance_defaults_to_the_finest_sheet_accuracy(scales, expected):
    assert Tolerances.for_scales(scales).distance == expected


def test_working_copy_context_takes_its_tolerance_from_its_sheets(commune_path):
    from cadastre_plugin.core.working_copy import WorkingCopy

    with WorkingCopy.open(str(commune_path)) as wc:
        assert {s.scale for s in wc.sheets()} == {1000}
        assert CheckContext.from_working_copy(wc).tolerances.distance == 0.15
        assert CheckContext.from_working_copy(wc, tolerance=0.3).tolerances.distance == 0.3
        with wc.operation("retire", journal=False) as conn:
            conn.execute("UPDATE parcels SET status = 'retired' WHERE fid = 1")
        assert CheckContext.from_working_copy(wc).n == wc.count("parcels") - 1


def test_progress_is_reported_and_cancel_stops_the_run():
    ctx = CheckContext([rect(0, 0, 1, 1)])
    seen = []
    result = run_rules(ctx, progress=lambda f, step: seen.append((f, step)))
    assert seen[0] == (0.0, "prepare") and seen[-1] == (1.0, "done")
    assert sorted(s for _, s in seen[1:-1]) == sorted(result.rules)
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    with pytest.raises(Cancelled):
        run_rules(ctx, progress=lambda f, step: step != "CAD-GAP")


def test_finding_json_shape():
    [f] = run_rules(CheckContext([rect(0, 0, 10, 10), rect(9, 0, 20, 10)])).findings
    d = f.to_dict("en")
    assert list(d) == ["rule", "severity", "parcels", "wkt", "message"]
    assert d["parcels"] == [0, 1] and d["wkt"].startswith("POLYGON")


def test_column_length_mismatch_is_refused():
    with pytest.raises(CadastreError) as e:
        CheckContext([rect(0, 0, 1, 1)], landuse=["ONT", "LUC"])
    assert "landuse" in e.value.en
