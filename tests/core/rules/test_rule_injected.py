"""Every injected fault is found, exactly where it was made, and nothing else is reported:
recall and precision of 100 % on the demo commune, every kind of fault."""
from collections import Counter

import pytest
import shapely

from cadastre_plugin.core.quality import run_rules
from cadastre_plugin.core.quality.inject import KINDS, score

from quality_helpers import only

RULES_INJECTED = sorted({"CAD-OVERLAP", "CAD-GAP", "CAD-NEAR-COINCIDENT", "CAD-INVALID-GEOMETRY",
                         "CAD-SPIKE", "CAD-DUPLICATE-VERTEX", "CAD-DUPLICATE-GEOMETRY",
                         "CAD-MULTIPART", "CAD-DUPLICATE-NUMBER", "CAD-LANDUSE-CODE",
                         "CAD-COMMUNE-CODE", "CAD-AREA-DISCREPANCY"})


def test_the_clean_commune_has_no_finding_and_every_rule_runs(commune):
    result = run_rules(commune.context())
    assert result.findings == []
    assert result.skipped == []
    assert len(result.rules) == 14


def test_every_kind_of_fault_was_injected(injected):
    kinds = Counter(t.kind for t in injected.truth)
    assert set(kinds) == set(KINDS)


def test_all_faults_found_and_nothing_else(injected, injected_result):
    _, result = injected_result
    s = score(result.findings, injected.truth)
    assert s.missed == []
    assert s.unexpected == []
    assert s.recall == 1.0 and s.precision == 1.0


@pytest.mark.parametrize("rule", RULES_INJECTED)
def test_each_rule_reports_exactly_its_faults(rule, injected, injected_result):
    _, result = injected_result
    truth = injected.expected(rule)
    found = only(result.findings, rule)
    assert truth and len(found) == len(truth)
    s = score(found, truth)
    assert s.recall == 1.0 and s.precision == 1.0


def test_error_locations_are_exact(injected, injected_result):
    """Geometry of each finding within a micrometre (Hausdorff) of the fault as made."""
    _, result = injected_result
    for truth, finding in score(result.findings, injected.truth).matched:
        assert shapely.hausdorff_distance(finding.geometry, truth.geometry) <= 1e-6, truth.kind


def test_messages_are_bilingual_and_name_sheet_and_parcel(injected_result):
    ctx, result = injected_result
    for f in result.findings:
        assert f.en != f.vi
        for r in f.rows[:1]:
            assert f"parcel {ctx.parcel_no[r]}" in f.en or f.rule == "CAD-DUPLICATE-NUMBER"
            assert f"thửa {ctx.parcel_no[r]}" in f.vi or f.rule == "CAD-DUPLICATE-NUMBER"
        assert "sheet" in f.en and "tờ" in f.vi
        assert f.parcels == tuple(ctx.ids[list(f.rows)])


def test_severities(injected_result):
    _, result = injected_result
    severity = {f.rule: f.severity for f in result.findings}
    assert severity["CAD-NEAR-COINCIDENT"] == "warning"
    assert severity["CAD-DUPLICATE-VERTEX"] == "warning"
    assert severity["CAD-AREA-DISCREPANCY"] == "warning"
    for rule in ("CAD-OVERLAP", "CAD-GAP", "CAD-INVALID-GEOMETRY", "CAD-SPIKE",
                 "CAD-DUPLICATE-NUMBER", "CAD-LANDUSE-CODE", "CAD-MULTIPART"):
        assert severity[rule] == "error"
