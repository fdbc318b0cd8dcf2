"""How registration data reads in the user interface: dates, shares, holders, roles.

Dates as an officer writes them (dd/MM/yyyy in Vietnamese); code names from the core's code
lists and requirements in the interface language; the rest through Qt's translation.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import QDate, QDateTime, QObject, Qt

from ..locale import ui_language


def date_text(iso: str | None) -> str:
    """'2025-03-14' or '2025-03-14T02:30:00Z' -> '14/03/2025' (vi) or '2025-03-14' (en)."""
    if not iso:
        return ""
    day = QDate.fromString(iso[:10], Qt.ISODate)
    if not day.isValid():
        return iso
    return day.toString("dd/MM/yyyy" if ui_language() == "vi" else "yyyy-MM-dd")


def moment_text(iso: str | None) -> str:
    """A stored UTC moment in the user's local time."""
    if not iso:
        return ""
    moment = QDateTime.fromString(iso.replace("Z", ""), Qt.ISODateWithMs)
    if not moment.isValid():
        return date_text(iso)
    moment.setTimeSpec(Qt.UTC)
    local = moment.toLocalTime()
    return local.toString("dd/MM/yyyy HH:mm" if ui_language() == "vi" else "yyyy-MM-dd HH:mm")


def share_text(share: str) -> str:
    return "" if share in ("1", "1/1") else share


def holders_text(holders) -> str:
    """[(uuid, name, share)] -> 'Nguyễn Văn An (1/2), Trần Thị Bình (1/2)'."""
    parts = []
    for _, name, share in holders:
        s = share_text(share)
        parts.append(f"{name} ({s})" if s else name)
    return ", ".join(parts)


class Texts(QObject):
    """Translated names of stored codes (restriction kinds, roles, statuses)."""

    def restriction_kind(self, kind: str) -> str:
        return {"mortgage": self.tr("Mortgage"), "easement": self.tr("Easement"),
                "planning": self.tr("Planning restriction")}.get(kind, self.tr("Restriction"))

    def right_kind(self, kind: str) -> str:
        return {"land_use": self.tr("Land-use right"),
                "asset_ownership": self.tr("Ownership of attached assets"),
                "management": self.tr("Land management right")}.get(kind, kind)

    def party_kind(self, kind: str) -> str:
        return {"individual": self.tr("Individual"), "household": self.tr("Household"),
                "couple": self.tr("Married couple"), "organisation": self.tr("Organisation"),
                "community": self.tr("Community")}.get(kind, kind)

    def term(self, term_end: str | None) -> str:
        return date_text(term_end) if term_end else self.tr("Long-term")

    def status(self, status: str) -> str:
        return self.tr("Retired") if status == "retired" else self.tr("Current")


def document_role(role: str) -> str:
    from ...core.transactions.documents import ROLES

    names = ROLES.get(role, ROLES["other"])
    return names[0] if ui_language() == "vi" else names[1]
