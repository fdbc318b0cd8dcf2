"""The text of the live area preview, shared by the split tools."""
from __future__ import annotations

from typing import Optional, Sequence

from qgis.PyQt.QtCore import QCoreApplication

from .edit_context import MinimumArea


def format_area(area: float, lang: str) -> str:
    """Areas as the cadastre records them: 0.1 m², with a decimal comma in Vietnamese."""
    text = f"{area:.1f}"
    return (text.replace(".", ",") if lang == "vi" else text) + " m²"


def area_text(label: str, areas: Sequence[float], minimum: Optional[MinimumArea],
              lang: str) -> str:
    """"12/34: 141.4 m² + 142.7 m²", with the pieces below the minimum split area marked."""
    parts = []
    for area in areas:
        text = format_area(area, lang)
        if minimum is not None and area < minimum.area:
            text += " ⚠"
        parts.append(text)
    out = f"{label}: " + " + ".join(parts)
    if minimum is not None and any(a < minimum.area for a in areas):
        out += "\n" + QCoreApplication.translate(
            "SplitPreview", "⚠ below the minimum split area of {area}").format(
                area=format_area(minimum.area, lang))
    return out
