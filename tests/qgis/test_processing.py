"""The Processing provider, in QGIS and headless through qgis_process."""
import json

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

from cadastre_plugin.core.working_copy import WorkingCopy
from cadastre_plugin.processing.provider import CadastreProvider


@pytest.fixture
def provider():
    provider = CadastreProvider()
    assert QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def run(algorithm_id, params):
    alg = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    assert alg is not None, algorithm_id
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    ok, message = alg.checkParameterValues(params, context)
    assert ok, message
    results, ok = alg.run(params, context, feedback)
    return results, ok


def test_provider_lists_its_algorithms(provider):
    ids = {a.id() for a in provider.algorithms()}
    assert {"cadastre:newdemo", "cadastre:workingcopyinfo"} <= ids


def test_new_demo_then_info_in_qgis(provider, tmp_path):
    path = tmp_path / "demo.gpkg"
    results, ok = run("cadastre:newdemo", {"OUTPUT": str(path), "PARCELS": 80, "SEED": 2})
    assert ok and results["PARCEL_COUNT"] == 80
    with WorkingCopy.open(str(path)) as wc:
        assert wc.count("parcels") == 80
    results, ok = run("cadastre:workingcopyinfo", {"INPUT": str(path)})
    assert ok and json.loads(results["SUMMARY"])["parcels"] == 80


def test_info_on_a_foreign_file_fails_with_the_reason(provider, tmp_path):
    path = tmp_path / "not.gpkg"
    path.write_bytes(b"hello")
    results, ok = run("cadastre:workingcopyinfo", {"INPUT": str(path)})
    assert not ok and path.read_bytes() == b"hello"


@pytest.mark.slow
def test_qgis_process_runs_the_algorithms_headless(qgis_process, tmp_path):
    listing = qgis_process("list")
    assert "cadastre:newdemo" in listing.stdout, listing.stderr[-2000:]
    path = tmp_path / "headless.gpkg"
    out = qgis_process("run", "cadastre:newdemo", "--", f"OUTPUT={path}", "PARCELS=60", "SEED=4")
    assert out.returncode == 0, out.stderr[-2000:]
    assert "PARCEL_COUNT:\t60" in out.stdout
    bad = qgis_process("run", "cadastre:workingcopyinfo", "--", f"INPUT={tmp_path / 'missing.gpkg'}")
    assert bad.returncode != 0
