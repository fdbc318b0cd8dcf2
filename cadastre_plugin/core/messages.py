"""Bilingual messages for the core, which has no Qt and therefore no ``tr()``.

The core raises and returns :class:`CadastreError`/:class:`Issue` objects that carry the English
and the Vietnamese text; the user interface picks one by the QGIS locale, the command line by
``LANG``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field


def preferred_language() -> str:
    """'vi' or 'en', from CADASTRE_LANG, then LANG/LC_ALL (command line and server use)."""
    for var in ("CADASTRE_LANG", "LC_ALL", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


@dataclass(frozen=True)
class Issue:
    """One finding: a stable code, where it is, and what to do, in both languages."""

    code: str
    en: str
    vi: str
    where: str = ""
    details: dict = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        lang = lang or preferred_language()
        return self.vi if lang == "vi" else self.en

    def __str__(self) -> str:
        return self.text()


class CadastreError(Exception):
    """An error a user can act on: what is wrong, where, and what to do, in English and Vietnamese."""

    def __init__(self, code: str, en: str, vi: str, where: str = ""):
        self.issue = Issue(code, en, vi, where)
        super().__init__(en)

    @property
    def code(self) -> str:
        return self.issue.code

    @property
    def en(self) -> str:
        return self.issue.en

    @property
    def vi(self) -> str:
        return self.issue.vi

    def text(self, lang: str | None = None) -> str:
        return self.issue.text(lang)


class ValidationFailed(CadastreError):
    """Raised with every issue found, so a dialog can show them all at once."""

    def __init__(self, issues: list[Issue]):
        self.issues = list(issues)
        first = self.issues[0]
        more_en = f" (and {len(self.issues) - 1} more)" if len(self.issues) > 1 else ""
        more_vi = f" (và {len(self.issues) - 1} lỗi khác)" if len(self.issues) > 1 else ""
        super().__init__(first.code, first.en + more_en, first.vi + more_vi, first.where)
