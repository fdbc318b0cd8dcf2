"""The "Check topology" action in real QGIS: enabled only on a working copy's parcel layer, runs
as a background task (the event loop keeps running), cancels, and puts every finding on the
map at its exact location in styled error layers."""
import shapely
from qgis.core import Qgis, QgsProject, QgsTask, QgsVectorLayer

from cadastre_plugin.core.quality import CheckContext, run_rules
from cadastre_plugin.core.quality.inject import score
from cadastre_plugin.core.working_copy import WorkingCopy
from quality_helpers_qgis import error_features, layer_names, wait_finished

WHY_DISABLED = "Select the parcel layer of a Cadastre Editor working copy"


def test_action_is_disabled_with_the_reason_unless_a_parcel_layer_is_active(
        controller, make_active, parcels):
    action = controller.actions["check_topology"]
    scratch = QgsVectorLayer("Polygon?crs=EPSG:9210", "scratch", "memory")
    QgsProject.instance().addMapLayer(scratch)
    make_active(scratch)
    assert not action.isEnabled() and action.toolTip() == WHY_DISABLED
    assert controller.quality.check_active_layer() is None
    make_active(parcels)
    assert action.isEnabled() and action.toolTip().startswith("Check the whole working copy")


def test_check_runs_in_the_background_and_shows_every_fault_where_it_is(
        qgis_iface, controller, make_active, parcels, faulty):
    path, injected = faulty
    make_active(parcels)
    quality = controller.quality
    progress = []
    controller.actions["check_topology"].trigger()
    task = quality.task
    assert task is not None and task.flags() & QgsTask.CanCancel
    task.progressChanged.connect(progress.append)
    assert quality.dock.busy and not quality.dock.recheck_button.isEnabled()
    wait_finished(quality)
    assert progress and max(progress) == 100

    # The same findings as the core on the same file, and each injected fault among them.
    with WorkingCopy.open(str(path)) as wc:
        expected = run_rules(CheckContext.from_working_copy(wc))
    session = quality.session
    assert sorted(f.key() for f in session.findings) == sorted(f.key() for f in expected.findings)
    result = score(session.findings, injected.truth)
    assert result.recall == 1.0 and result.precision == 1.0

    # Every finding is drawn at its exact geometry, in the layer of its dimension.
    drawn = error_features(quality)
    assert len(drawn) == len(session.findings)
    for finding in session.findings:
        assert any(rule == finding.rule and severity == finding.severity
                   and shapely.hausdorff_distance(geom, finding.geometry) == 0
                   for rule, severity, geom in drawn), finding.rule
    assert any(name.startswith("Errors: points") for name in layer_names())
    assert any(name.startswith("Errors: areas") for name in layer_names())
    group = QgsProject.instance().layerTreeRoot().findGroup("Topology check: demo.gpkg")
    assert group is not None and len(group.findLayers()) == len(quality.error_layers.layers())

    # Styled: red errors, orange warnings, labelled with the rule id.
    for layer in quality.error_layers.layers().values():
        renderer = layer.renderer()
        assert renderer.classAttribute() == "severity"
        colours = {c.value(): c.symbol().color().name() for c in renderer.categories()}
        assert colours == {"error": "#e31a1c", "warning": "#ff8c00"}
        assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "rule"
        assert layer.crs().authid() == "EPSG:9210"

    errors, warnings = session.counts()
    assert errors == 6 and warnings == 2
    warning = qgis_iface.messageBar().get_messages(Qgis.Warning)[-1]
    assert "300 parcels checked" in warning and "6 errors, 2 warnings" in warning


def test_cancel_stops_the_check_without_results(qgis_iface, controller, make_active, parcels):
    make_active(parcels)
    quality = controller.quality
    task = quality.check_active_layer()
    quality.dock.cancel_button.click()
    wait_finished(quality)
    # Cancelled before it started, or stopped at its next step: either way nothing to show.
    assert task.value is None and task.error is None
    assert quality.session is None and quality.error_layers is None
    assert not [n for n in layer_names() if n.startswith("Errors")]
    infos = qgis_iface.messageBar().get_messages(Qgis.Info)
    assert any("Topology check cancelled." in m for m in infos)
    assert not quality.dock.busy and not quality.dock.progress.isVisible()


def test_a_second_check_waits_for_the_first(qgis_iface, controller, make_active, parcels):
    make_active(parcels)
    quality = controller.quality
    assert quality.check_active_layer() is not None
    assert quality.check_active_layer() is None
    assert any("already running" in m for m in qgis_iface.messageBar().get_messages(Qgis.Info))
    wait_finished(quality)
    assert quality.session is not None


def test_a_working_copy_that_cannot_be_read_is_reported(qgis_iface, controller, tmp_path):
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"not a geopackage")
    quality = controller.quality
    quality.start_check(str(broken))
    wait_finished(quality)
    assert quality.session is None
    critical = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert critical and "Traceback" not in critical[-1]


def test_a_cancel_while_running_stops_at_the_next_step(faulty):
    """The task's own progress checks: cancelled mid-way, run() gives up without a result."""
    from cadastre_plugin.ui.quality.tasks import CheckTask

    task = CheckTask(str(faulty[0]))
    seen = []
    task.progressChanged.connect(seen.append)

    def cancel_halfway(fraction):
        if fraction > 0.5:
            task.cancel()
        return CheckTask._progress(task, fraction)

    task._progress = cancel_halfway
    assert task.run() is False
    assert task.cancelled and task.value is None and task.error is None
