"""What an editing operation did: the result every ``apply_*`` function returns, for the map
tool to select, show and check, and the names of the operations (the journal's
``operation`` column, and what :mod:`.revert` accepts to undo)."""
from __future__ import annotations

from dataclasses import dataclass, field

OPERATIONS = ("split", "split_area", "merge", "move_vertex", "traverse")


@dataclass
class OperationResult:
    """What an operation did, for the map tool to show and select."""

    operation: str
    op_id: str
    created: list = field(default_factory=list)  # uuids of new parcels
    retired: list = field(default_factory=list)  # uuids of parcels moved to the history
    updated: list = field(default_factory=list)  # uuids of parcels whose geometry changed
    numbers: dict = field(default_factory=dict)  # uuid -> (sheet_no, parcel_no), new parcels
    areas: dict = field(default_factory=dict)  # uuid -> recorded area, new and updated
    labels: dict = field(default_factory=dict)  # uuid -> "sheet/number" of every parcel above
    warnings: list = field(default_factory=list)  # Issues the user should see

    def summary(self, lang: str | None = None) -> str:
        vi = (lang or "en") == "vi"

        def names(uuids, with_area=False):
            out = []
            for u in uuids:
                area = self.areas.get(u)
                text = self.labels.get(u, u)
                if with_area and area is not None:
                    a = f"{area:.1f}".replace(".", ",") if vi else f"{area:.1f}"
                    text += f" ({a} m²)"
                out.append(text)
            return ", ".join(out)

        # "<verb> <retired> into <created>", or "<verb>: <created>" when nothing was retired.
        if vi:
            verbs = {"split": "Đã tách thửa", "split_area": "Đã tách thửa",
                     "merge": "Đã hợp thửa", "move_vertex": "Đã di chuyển đỉnh ranh giới",
                     "traverse": "Đã tạo thửa từ số liệu đo"}
            into, updated = " thành", f"cập nhật {len(self.updated)} thửa"
        else:
            verbs = {"split": "Split", "split_area": "Split", "merge": "Merged",
                     "move_vertex": "Moved a boundary vertex", "traverse": "Parcel from survey"}
            into, updated = " into", f"{len(self.updated)} parcel(s) updated"
        text = verbs.get(self.operation, self.operation)
        if self.retired:
            text += f" {names(self.retired)}"
        if self.created:
            text += (into if self.retired else ":") + f" {names(self.created, True)}"
        if self.updated:
            text += f"; {updated}: {names(self.updated, True)}"
        return text + "."

