"""Faults written into a working copy (the demo's and the QGIS tests' data): the check of the
file finds exactly the truth, and nothing is journalled."""
import pytest

from cadastre_plugin.core.quality import CheckContext, run_rules
from cadastre_plugin.core.quality.inject import score
from cadastre_plugin.core.quality.inject_working_copy import inject_into
from cadastre_plugin.core.working_copy import WorkingCopy

FAULTS = {"overlap": 2, "gap": 1, "bowtie": 1, "spike": 1, "duplicate_vertex": 1,
          "near_duplicate_vertex": 1, "duplicate_geometry": 1, "duplicate_number": 1,
          "unknown_landuse": 1, "missing_landuse": 1, "area_discrepancy": 1}


def test_the_check_of_the_file_finds_exactly_what_was_injected(commune_path):
    with WorkingCopy.open(str(commune_path)) as wc:
        before = wc.count("journal")
        injected = inject_into(wc, FAULTS, seed=11)
        assert wc.count("journal") == before
    with WorkingCopy.open(str(commune_path)) as wc:
        ctx = CheckContext.from_working_copy(wc)
    assert list(ctx.fids) == list(injected.fids)
    result = score(run_rules(ctx).findings, injected.truth)
    assert result.recall == 1.0 and result.precision == 1.0
    assert len(injected.truth) == sum(FAULTS.values()) + 1  # a gap also leaves a stray vertex


@pytest.mark.parametrize("kind", ["multipart", "bad_commune"])
def test_faults_the_schema_cannot_hold_are_refused(commune_path, kind):
    with WorkingCopy.open(str(commune_path)) as wc:
        with pytest.raises(ValueError, match=kind):
            inject_into(wc, {kind: 1})
