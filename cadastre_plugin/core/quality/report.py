"""A check result for people and programs: the command line's JSON object and text lines."""
from __future__ import annotations

from collections import Counter

from . import registry

#: Findings printed on the terminal; --json and --output carry all of them.
MAX_LISTED = 200


def as_json(result, ctx, lang: str, load_seconds: float | None = None) -> dict:
    out = {
        "parcels": result.parcels,
        "seconds": round(result.seconds, 3),
        "crs": ctx.crs,
        "tolerance": ctx.tolerances.distance,
        "rules": result.rules,
        "skipped": [{"rule": rid, "missing": missing} for rid, missing in result.skipped],
        "errors": [f.to_dict(lang) for f in result.findings],
    }
    if load_seconds is not None:
        out["load_seconds"] = round(load_seconds, 3)
    return out


def as_text(result, ctx, lang: str) -> list:
    vi = lang == "vi"
    names = {cls.id: (cls.name_vi if vi else cls.name_en) for cls in registry.RULES}
    lines = []
    for f in result.findings[:MAX_LISTED]:
        level = {"error": "lỗi", "warning": "cảnh báo"}[f.severity] if vi else f.severity
        lines.append(f"[{level}] {f.rule}: {f.message(lang)}")
    if len(result.findings) > MAX_LISTED:
        more = len(result.findings) - MAX_LISTED
        lines.append(f"... và {more} phát hiện khác (xem --json hoặc --output)." if vi else
                     f"... and {more} more (see --json or --output).")
    counts = Counter(f.rule for f in result.findings)
    errors, warnings = len(result.errors), len(result.warnings)
    if vi:
        lines.append(f"Đã kiểm tra {result.parcels} thửa trong {result.seconds:.2f} giây "
                     f"(dung sai {ctx.tolerances.distance:g} m, hệ tọa độ {ctx.crs}): "
                     f"{errors} lỗi, {warnings} cảnh báo.")
    else:
        lines.append(f"Checked {result.parcels} parcels in {result.seconds:.2f} s (tolerance "
                     f"{ctx.tolerances.distance:g} m, CRS {ctx.crs}): {errors} errors, "
                     f"{warnings} warnings.")
    for rid, n in counts.items():
        lines.append(f"  {rid} ({names.get(rid, rid)}): {n}")
    for rid, missing in result.skipped:
        lines.append(f"  {rid}: bỏ qua, nguồn không có {', '.join(missing)}" if vi else
                     f"  {rid}: skipped, the source has no {', '.join(missing)}")
    return lines
