"""Fixtures for the editing tests: a small demo working copy, made once per session."""
import shutil

import pytest


@pytest.fixture(scope="session")
def edit_template(tmp_path_factory):
    """A 200-parcel demo commune (two 1:1000 sheets), made once."""
    from cadastre_plugin.core.demo import generate

    path = tmp_path_factory.mktemp("edit") / "demo200.gpkg"
    generate(str(path), parcels=200, seed=11)
    return path


@pytest.fixture
def wc(edit_template, tmp_path):
    from cadastre_plugin.core.working_copy import WorkingCopy

    path = tmp_path / "wc.gpkg"
    shutil.copy(edit_template, path)
    with WorkingCopy.open(str(path)) as w:
        yield w
