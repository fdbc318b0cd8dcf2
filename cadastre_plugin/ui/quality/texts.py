"""Texts of the quality UI that come from the core (rule names, in both languages) or are
shared by several widgets (severity names)."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from ...core.quality import registry


def rule_name(rule_id: str, lang: str) -> str:
    try:
        cls = registry.rule_class(rule_id)
    except Exception:  # noqa: BLE001 - a rule this version does not know (a newer server's)
        return rule_id
    return cls.name_vi if lang == "vi" else cls.name_en


def severity_name(severity: str) -> str:
    if severity == "error":
        return QCoreApplication.translate("QualityTexts", "Error")
    if severity == "warning":
        return QCoreApplication.translate("QualityTexts", "Warning")
    return severity
