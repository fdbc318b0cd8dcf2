"""The editing tools in Vietnamese: with QGIS set to Vietnamese and the plugin loaded as QGIS
loads it (its translator installed), every tool's action text and tooltip, the survey dock's
choices, and the messages of refused operations are the Vietnamese ones."""
import importlib.util
from pathlib import Path

import pytest
import shapely
from qgis.core import Qgis, QgsProject, QgsVectorLayer

from tool_helpers import messages, parcels, snapshot

# The fixture that switches QGIS's locale and loads the plugin, from the plugin's own locale
# test (loaded by path: test modules are not a package here).
_spec = importlib.util.spec_from_file_location(
    "plugin_locale_for_tools", Path(__file__).resolve().parents[1] / "test_plugin_locale.py")
_locale = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_locale)
with_locale = _locale.with_locale

VIETNAMESE = {
    "split_line": ("Tách thửa theo đường vẽ",
                   "Tách thửa theo một đường vẽ: bấm các điểm của đường cắt ngang qua thửa, bấm "
                   "chuột phải để tách, Esc để vẽ lại"),
    "split_area": ("Tách thửa theo diện tích",
                   "Tách một diện tích cho trước khỏi thửa, song song với một cạnh hoặc qua một "
                   "đỉnh, hiển thị trực tiếp diện tích hai phần"),
    "merge": ("Hợp các thửa đã chọn",
              "Hợp các thửa liền kề đã chọn trên cùng một tờ bản đồ thành một thửa mới"),
    "move_vertex": ("Di chuyển ranh giới chung",
                    "Kéo một đỉnh hoặc một đoạn ranh giới: mọi thửa dùng chung đều thay đổi "
                    "theo, không hở và không chồng lấn"),
    "traverse": ("Nhập số liệu đo",
                 "Tạo thửa, hoặc ranh giới mới của một thửa, từ đường chuyền phương vị và "
                 "khoảng cách hoặc từ danh sách tọa độ máy toàn đạc hay GNSS, có kiểm tra sai "
                 "số khép"),
    "undo_operation": ("Hoàn tác thao tác thửa gần nhất",
                       "Hoàn tác thao tác tách thửa, hợp thửa, di chuyển ranh giới hoặc tạo thửa "
                       "từ số liệu đo gần nhất của bản sao làm việc"),
}


@pytest.fixture
def vietnamese(with_locale, qgis_iface, demo_path):
    plugin = with_locale("vi")
    layer = QgsVectorLayer(f"{demo_path}|layername=parcels", "parcels", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    qgis_iface.currentLayerChanged.emit(layer)
    qgis_iface.messageBar().clear_messages()
    return plugin.controller, layer


def test_every_tool_action_speaks_vietnamese(vietnamese):
    controller, _ = vietnamese
    for key, (text, tooltip) in VIETNAMESE.items():
        action = controller.actions[key]
        assert action.isEnabled(), key
        assert (action.text(), action.toolTip()) == (text, tooltip), key


def test_a_refused_merge_is_explained_in_vietnamese(vietnamese, qgis_iface, demo_path):
    controller, layer = vietnamese
    current = parcels(demo_path, "WHERE sheet_no = 1")
    uuids = list(current)
    far = next(u for u in uuids if current[u][3].distance(current[uuids[0]][3]) > 50)
    layer.selectByExpression(f"\"uuid\" IN ('{uuids[0]}', '{far}')")
    before = snapshot(demo_path)
    assert controller.editing.merge_selected() is None
    [message] = messages(qgis_iface, Qgis.Critical)
    assert message.startswith("Hợp thửa")
    assert "liền kề" in message and "adjacent" not in message
    assert snapshot(demo_path) == before


def test_the_survey_dock_and_its_refusals_in_vietnamese(vietnamese, qgis_iface, demo_path,
                                                        tmp_path):
    controller, layer = vietnamese
    dock = controller.editing.toggle_traverse(True)
    assert dock.windowTitle() == "Nhập số liệu đo"
    assert dock.replace.text() == "Ranh giới mới cho thửa đã chọn"
    assert dock.cut_out.text() == "Thửa mới tách từ các thửa bị phủ"
    assert dock.replace.toolTip().startswith("Đo đạc lại:")
    # A re-survey with no parcel selected: refused, and told so in Vietnamese.
    current = parcels(demo_path, "WHERE sheet_no = 1")
    geom = max((g for _, _, _, g in current.values()), key=lambda g: g.area)
    ring = list(shapely.get_coordinates(geom.exterior))
    rows = ["id,X,Y"] + [f"P{k},{n:.3f},{e:.3f}" for k, (e, n) in enumerate(ring, 1)]
    path = tmp_path / "do_lai.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert dock.import_csv(str(path))
    dock.replace.setChecked(True)
    assert dock.affected_label.text() == "Hãy chọn đúng một thửa cần thay ranh giới bằng số " \
                                         "liệu đo"
    assert dock.create() is None
    [message] = messages(qgis_iface, Qgis.Warning)
    assert "Hãy chọn đúng một thửa" in message
    # Selected, but the survey lies elsewhere: the core's refusal, in Vietnamese.
    moved = [(e, n + 5000) for e, n in ring]
    rows = ["id,X,Y"] + [f"P{k},{n:.3f},{e:.3f}" for k, (e, n) in enumerate(moved, 1)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    uuid = next(u for u, v in current.items() if v[3].equals(geom))
    layer.selectByExpression(f"\"uuid\" = '{uuid}'")
    assert dock.import_csv(str(path))
    assert "không chồng lên thửa" in dock.affected_label.text()
    assert not dock.create_button.isEnabled()
