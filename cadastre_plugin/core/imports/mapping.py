"""A field mapping: which source field (or fixed value) fills each attribute of ours.

Saved as JSON so that a land office keeps one per data source and edits it by hand::

    {"format": "cadastre-field-mapping", "version": 1, "name": "vn",
     "fields": {"sheet_no": "SoHieuToBa",
                "parcel_no": {"field": "IDU", "pattern": "(\\\\d{4})$"},
                "commune_code": {"value": "11686"}}}

A target is a source field name, ``{"field": F}`` (optionally with a ``pattern`` whose first
group is taken), or ``{"value": V}``. Mistakes (unknown target, a field the source lacks) are
refused with the list of what would be right, before anything is read.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..messages import CadastreError

FORMAT = "cadastre-field-mapping"
VERSION = 1

#: target -> (kind, English, Vietnamese)
TARGETS = {
    "commune_code": ("text", "commune code", "mã xã"),
    "sheet_no": ("int", "map sheet number", "số hiệu tờ bản đồ"),
    "parcel_no": ("int", "parcel number", "số thứ tự thửa"),
    "area": ("float", "area (compared with the computed one)", "diện tích (để so sánh)"),
    "legal_area": ("float", "legal area", "diện tích pháp lý"),
    "landuse": ("text", "land-use code", "mã loại đất"),
    "address": ("text", "address", "địa chỉ"),
    "holder": ("text", "holder's name", "tên chủ sử dụng"),
    "uuid": ("text", "UUID", "mã định danh UUID"),
    "valid_from": ("date", "valid from", "thời điểm bắt đầu"),
    "valid_to": ("date", "valid to", "thời điểm kết thúc"),
    "old_sheet_no": ("int", "former sheet number", "số hiệu tờ cũ"),
    "old_parcel_no": ("int", "former parcel number", "số thửa cũ"),
    "status": ("text", "status", "trạng thái"),
}
REQUIRED = ("sheet_no", "parcel_no")


def _bad(en: str, vi: str, where: str = "") -> CadastreError:
    return CadastreError("mapping.invalid", en, vi, where)


@dataclass(frozen=True)
class Source:
    """Where one target's value comes from."""

    field: Optional[str] = None
    value: Any = None
    pattern: Optional[str] = None

    def to_json(self):
        if self.field is not None and self.pattern is None:
            return self.field
        if self.field is not None:
            return {"field": self.field, "pattern": self.pattern}
        return {"value": self.value}

    def get(self, record: dict):
        """The raw value for one source record (a dict of its attributes)."""
        if self.field is None:
            return self.value
        raw = record.get(self.field)
        if self.pattern is None or raw is None:
            return raw
        m = re.search(self.pattern, str(raw))
        if not m:
            return None
        return m.group(1) if m.groups() else m.group(0)


@dataclass
class FieldMapping:
    fields: dict = field(default_factory=dict)  # target -> Source
    name: str = ""

    def to_json(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "name": self.name,
                "fields": {t: s.to_json() for t, s in self.fields.items()}}

    def save(self, path: str) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n",
                              encoding="utf-8")

    @classmethod
    def from_json(cls, data, where: str = "") -> "FieldMapping":
        if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
            raise _bad(f"The mapping {where} has no \"fields\" object. Start from one written "
                       "by `cadastre import --save-mapping`.",
                       f"Tệp ánh xạ {where} không có mục \"fields\". Hãy bắt đầu từ tệp do "
                       "`cadastre import --save-mapping` tạo ra.", where)
        if data.get("version", VERSION) > VERSION:
            raise _bad(f"The mapping {where} has version {data['version']}; this version reads "
                       f"{VERSION}. Update the plugin.",
                       f"Tệp ánh xạ {where} có phiên bản {data['version']}; phiên bản này chỉ "
                       f"đọc được {VERSION}. Hãy cập nhật plugin.", where)
        fields = {}
        for target, spec in data["fields"].items():
            if target not in TARGETS:
                raise _bad(f"Unknown target '{target}' in the mapping {where}. Targets: "
                           f"{', '.join(TARGETS)}.",
                           f"Trường đích '{target}' trong tệp ánh xạ {where} không hợp lệ. Các "
                           f"trường đích: {', '.join(TARGETS)}.", where)
            fields[target] = _source(target, spec, where)
        return cls(fields, str(data.get("name", "")))

    @classmethod
    def load(cls, path: str) -> "FieldMapping":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise _bad(f"Cannot read the mapping '{path}': {exc.strerror}.",
                       f"Không đọc được tệp ánh xạ '{path}': {exc.strerror}.", path) from None
        except ValueError as exc:
            raise _bad(f"The mapping '{path}' is not valid JSON: {exc}.",
                       f"Tệp ánh xạ '{path}' không phải JSON hợp lệ: {exc}.", path) from None
        return cls.from_json(data, f"'{path}'")

    def check(self, source_fields) -> None:
        """Refuses a mapping that names fields the source lacks or leaves a required target
        unfilled."""
        fields = list(source_fields)
        missing = sorted({s.field for s in self.fields.values()
                          if s.field is not None and s.field not in fields})
        if missing:
            raise _bad(
                f"The source has no field {', '.join(missing)}. Its fields are: "
                f"{', '.join(fields) or '(none)'}. Correct the mapping.",
                f"Nguồn dữ liệu không có trường {', '.join(missing)}. Các trường của nguồn: "
                f"{', '.join(fields) or '(không có)'}. Hãy sửa tệp ánh xạ.")
        unfilled = [t for t in REQUIRED if t not in self.fields]
        if unfilled:
            en = " and ".join(TARGETS[t][1] for t in unfilled)
            vi = " và ".join(TARGETS[t][2] for t in unfilled)
            raise _bad(
                f"Nothing gives the {en}: no source field was recognised for it. Source fields: "
                f"{', '.join(fields) or '(none)'}. Write a mapping (start from "
                "--save-mapping) or give a fixed value (--sheet for the sheet number).",
                f"Không có gì cho biết {vi}: không nhận ra trường nguồn nào. Các trường nguồn: "
                f"{', '.join(fields) or '(không có)'}. Hãy viết tệp ánh xạ (bắt đầu từ "
                "--save-mapping) hoặc cho giá trị cố định (--sheet cho số hiệu tờ).")


def _source(target: str, spec, where: str) -> Source:
    if isinstance(spec, str):
        return Source(field=spec)
    if isinstance(spec, dict) and ("field" in spec) != ("value" in spec):
        pattern = spec.get("pattern")
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise _bad(f"The pattern for '{target}' in the mapping {where} is not a valid "
                           f"regular expression: {exc}.",
                           f"Mẫu của '{target}' trong tệp ánh xạ {where} không phải biểu thức "
                           f"chính quy hợp lệ: {exc}.", where) from None
        return Source(spec.get("field"), spec.get("value"), pattern)
    raise _bad(f"'{target}' in the mapping {where} must be a field name, {{\"field\": ...}} or "
               "{\"value\": ...}.",
               f"'{target}' trong tệp ánh xạ {where} phải là tên trường, {{\"field\": ...}} "
               "hoặc {\"value\": ...}.", where)
