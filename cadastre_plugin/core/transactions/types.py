"""What each transaction type requires, read from ``requirements.json``.

The rules change with decrees and circulars, so they are data next to the code list of type
codes, not branches in the code: adding a field to a type's ``required`` list is enough for
validation to demand it and for the dialog to show it.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import codelists
from ..messages import CadastreError

_FILE = Path(__file__).with_name("requirements.json")

EFFECTS = ("transfer", "mortgage", "release", "split_merge", "landuse", "certificate",
           "parcel_info", "party_info", "correction", "recovery", "term")


@dataclass(frozen=True)
class TransactionType:
    code: str
    vi: str
    en: str
    effect: str
    required: tuple
    optional: tuple = ()
    any_of: tuple = ()  # groups (tuples) of fields of which at least one must be filled
    min_parcels: int = 1
    parcel_fields: tuple = ()
    labels: dict = field(default_factory=dict, hash=False)

    def name(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en

    @property
    def fields(self) -> tuple:
        """Every field the type uses, required first: what the dialog shows."""
        grouped = tuple(f for group in self.any_of for f in group)
        return tuple(dict.fromkeys(self.required + grouped + self.optional))

    def uses(self, name: str) -> bool:
        return name in self.fields

    def label(self, key: str, lang: str = "vi", default: str = "") -> str:
        return self.labels.get(key, {}).get(lang, default)


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(_FILE.read_text(encoding="utf-8"))


def field_name(name: str, lang: str = "vi") -> str:
    """The officer's word for a field, for messages ('số hồ sơ', 'dossier number')."""
    entry = _data()["fields"].get(name)
    return entry[lang if lang == "vi" else "en"] if entry else name


@functools.lru_cache(maxsize=1)
def all_types() -> dict:
    """code -> TransactionType, in the order of the transaction-type code list."""
    data = _data()
    names = codelists.load(data["codelist"])
    out = {}
    for code in names.codes:
        spec = data["types"].get(code)
        if spec is None:
            raise CadastreError(
                "transaction.type_rules_missing",
                f"Transaction type {code} is in the code list but has no requirements in "
                f"{_FILE.name}; add them.",
                f"Loại biến động {code} có trong danh mục nhưng chưa có yêu cầu trong "
                f"{_FILE.name}; hãy bổ sung.")
        entry = names.get(code)
        out[code] = TransactionType(
            code, entry.vi, entry.en, spec["effect"], tuple(spec["required"]),
            tuple(spec.get("optional", ())), tuple(tuple(g) for g in spec.get("any_of", ())),
            int(spec.get("min_parcels", 1)), tuple(spec.get("parcel_fields", ())),
            dict(spec.get("labels", {})))
    return out


def get(code: str) -> TransactionType:
    types = all_types()
    if code not in types:
        known = ", ".join(types)
        raise CadastreError(
            "transaction.unknown_type",
            f"'{code}' is not a transaction type. Choose one of: {known}.",
            f"'{code}' không phải là loại biến động. Hãy chọn một trong: {known}.")
    return types[code]
