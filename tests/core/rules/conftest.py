"""Fixtures for the quality rules: a clean demo commune as arrays, and the same commune with
known faults injected (the truth says what each rule must report, and where)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cadastre_plugin.core.demo import generate
from cadastre_plugin.core.quality import CheckContext, run_rules
from cadastre_plugin.core.quality.inject import KINDS, inject
from cadastre_plugin.core.working_copy import WorkingCopy

from quality_helpers import COLUMNS, Commune

FAULTS_PER_KIND = 4


@pytest.fixture(scope="session")
def commune_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("quality") / "demo2000.gpkg"
    generate(str(path), parcels=2000, seed=5)
    return path


@pytest.fixture(scope="session")
def commune(commune_template) -> Commune:
    with WorkingCopy.open(str(commune_template)) as wc:
        ctx = CheckContext.from_working_copy(wc)
        return Commune(commune_template, ctx.fids, ctx.ids, ctx.geoms.copy(),
                       {c: getattr(ctx, c) for c in COLUMNS}, ctx.sheets, wc.commune)


@pytest.fixture
def commune_path(commune_template, tmp_path) -> Path:
    """A copy of the 2000-parcel working copy a test may change."""
    path = tmp_path / "commune.gpkg"
    shutil.copy(commune_template, path)
    return path


@pytest.fixture(scope="session")
def injected(commune):
    """The commune with FAULTS_PER_KIND faults of every kind, kept clear of sheet edges."""
    return inject(commune.geoms, commune.attrs, {k: FAULTS_PER_KIND for k in KINDS}, seed=21,
                  tolerance=0.15, avoid=commune.frame_edges())


@pytest.fixture(scope="session")
def injected_result(commune, injected):
    ctx = commune.context(injected.geoms, injected.attrs)
    return ctx, run_rules(ctx)
