"""Generate a demo working copy with the core generator, in the background when it is large."""
from __future__ import annotations

from qgis.core import QgsProject, QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from ..core.messages import CadastreError
from .plain_thread import run_in_plain_thread
from .working_copy_detection import ogr_source

# Below this many parcels the generator takes a few seconds at most: a wait cursor is enough.
BACKGROUND_THRESHOLD = 20_000


def check_not_in_use(path: str, project: QgsProject | None = None) -> None:
    """Refuse to replace a file that layers of the project still read: they would keep reading
    the deleted file, and their unsaved edits would be lost."""
    project = project or QgsProject.instance()
    if any((ogr_source(layer) or ("",))[0] == path for layer in project.mapLayers().values()):
        raise CadastreError(
            "demo.file_in_use",
            f"'{path}' is open in the current project. Remove its layers first, or choose "
            "another file name.",
            f"'{path}' đang được mở trong dự án hiện tại. Hãy gỡ các lớp của nó trước, hoặc "
            "chọn tên tệp khác.",
            where=path,
        )


def generate_demo(path: str, parcels: int, seed: int) -> dict:
    from ..core.demo import generate

    return generate(path, parcels=parcels, seed=seed)


class DemoGenerationTask(QgsTask):
    """A QGIS background task: listed in the task manager, the user interface stays live."""

    def __init__(self, path: str, parcels: int, seed: int):
        super().__init__(
            QCoreApplication.translate(
                "DemoGenerationTask", "Generating a demo working copy of {count} parcels"
            ).format(count=parcels),
            QgsTask.Flags())
        self.path = path
        self.parcels = parcels
        self.seed = seed
        self.summary = None
        self.error = None

    def run(self) -> bool:
        # The core generator reports no progress: QGIS shows the task as running until done.
        try:
            # A plain thread: the generator registers the CRS with pyproj (see plain_thread).
            self.summary = run_in_plain_thread(
                lambda: generate_demo(self.path, self.parcels, self.seed), "cadastre-demo")
        except Exception as error:  # noqa: BLE001 - shown on the main thread by the plugin
            self.error = error
            return False
        self.setProgress(100)
        return True
