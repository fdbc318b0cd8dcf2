"""The Vietnamese translation is complete, current with the sources, and compiled correctly."""
import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
PLUGIN_DIR = ROOT / "cadastre_plugin"
TS = PLUGIN_DIR / "i18n" / "cadastre_vi.ts"
QM = PLUGIN_DIR / "i18n" / "cadastre_vi.qm"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def plugin_sources() -> list[Path]:
    """The files `make translations-update` hands to pylupdate5: the plugin without the core."""
    return sorted(p for p in PLUGIN_DIR.rglob("*.py")
                  if "core" not in p.relative_to(PLUGIN_DIR).parts
                  and p.name != "resources_rc.py")


def messages(ts_path: Path) -> dict:
    """{(context, source): (translation text, translation type)} of a .ts file."""
    out = {}
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            out[(name, message.findtext("source"))] = (translation.text or "",
                                                       translation.get("type", ""))
    return out


def literal_tr_calls(path: Path) -> tuple[set, list]:
    """Strings passed to self.tr(...) / QCoreApplication.translate(ctx, ...), read with Python's
    own parser, and the calls whose text is not a literal (they cannot be translated)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found, dynamic = set(), []

    def visit(node, class_name):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.FunctionDef) and child.name == "tr":
                continue  # a tr() helper forwarding its argument to translate()
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                attr = child.func.attr
                if attr == "tr" and class_name and child.args:
                    text = child.args[0]
                    if isinstance(text, ast.Constant) and isinstance(text.value, str):
                        found.add((class_name, text.value))
                    else:
                        dynamic.append(f"{path.name}:{child.lineno}")
                elif attr == "translate" and len(child.args) >= 2:
                    context, text = child.args[:2]
                    if all(isinstance(a, ast.Constant) for a in (context, text)):
                        found.add((context.value, text.value))
                    else:
                        dynamic.append(f"{path.name}:{child.lineno}")
            visit(child, class_name)

    visit(tree, None)
    return found, dynamic


def test_every_message_is_translated():
    entries = messages(TS)
    assert len(entries) > 40
    unfinished = [source for (_, source), (text, kind) in entries.items()
                  if kind in ("unfinished", "obsolete", "vanished") or not text.strip()]
    assert unfinished == []


def test_translations_keep_placeholders_and_accelerators():
    for (context, source), (text, _) in messages(TS).items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), source
        assert ("&" in source) == ("&" in text), source
        assert source.endswith("…") == text.endswith("…"), source


def test_vietnamese_is_written_with_diacritics():
    texts = " ".join(text for text, _ in messages(TS).values())
    for word in ("thửa đất", "tờ bản đồ", "bản sao làm việc", "Nhật ký", "Địa chính"):
        assert word in texts


def test_ts_covers_exactly_what_pylupdate5_extracts(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *map(str, plugin_sources()), "-ts", str(fresh)],
                   check=True, capture_output=True)
    extracted = set(messages(fresh))
    committed = set(messages(TS))
    assert extracted - committed == set(), "new strings: run `make translations-update` and translate"
    assert committed - extracted == set(), "strings no longer in the sources"


def test_pylupdate5_sees_every_tr_call():
    """pylupdate5's own Python parser misses some forms (e.g. a trailing comma after the text):
    every literal tr()/translate() string must reach the .ts, and none may be computed."""
    committed = set(messages(TS))
    found, dynamic = set(), []
    for path in plugin_sources():
        calls, computed = literal_tr_calls(path)
        found |= calls
        dynamic += computed
    assert dynamic == []
    assert found - committed == set()
    assert len(found) == len(committed)


def test_compiled_qm_translates():
    if not QM.exists():
        pytest.fail(f"{QM} is missing: run `make build`")
    assert QM.stat().st_mtime >= TS.stat().st_mtime, "the .qm is older than the .ts: make build"
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("CadastreActions", "&Cadastre") == "&Địa chính"
    assert translator.translate("CadastreActions", "Cadastre Editor") == "Biên tập địa chính"
    assert translator.translate("WorkingCopyLayers", "Parcels") == "Thửa đất"
