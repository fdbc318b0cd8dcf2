"""Fixtures for the registration-change tests: a small demo commune, made once per session and
copied per test (recording writes to it)."""
import shutil

import pytest


@pytest.fixture(scope="session")
def tx_template(tmp_path_factory):
    """An 80-parcel demo commune: households, couples, heirs in shares, organisations,
    certificates and a few mortgages."""
    from cadastre_plugin.core.demo import generate

    path = tmp_path_factory.mktemp("tx") / "demo80.gpkg"
    generate(str(path), parcels=80, seed=5, history=False)
    return path


@pytest.fixture
def wc(tx_template, tmp_path):
    from cadastre_plugin.core.working_copy import WorkingCopy

    path = tmp_path / "wc.gpkg"
    shutil.copy(tx_template, path)
    with WorkingCopy.open(str(path)) as w:
        yield w
