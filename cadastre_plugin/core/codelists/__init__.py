"""Versioned code lists (land use, transaction types, land-user types) kept as JSON data.

Code lists change by circular (Circular 25/2014 -> Circular 08/2024 for land use), so they live
in data files carrying their version and source, not in code. Each JSON file is
``{"list", "version", "source", "codes": [{"code", "vi", "en", "group"?}, ...]}``; files are found
next to this module (``Path(__file__).parent``), which works in an installed plugin folder too.

Pure Python: no Qt, no QGIS.
"""
from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import CadastreError, Issue

_DIR = Path(__file__).parent

#: Default version per list when none is asked for. Land use stays on Circular 25/2014 because
#: the existing cadastral maps (and the demo data) carry those codes; other lists use the newest.
DEFAULT_VERSIONS = {"landuse": "tt25_2014"}

#: Separator of composite land-use values such as "ONT+CLN" (main code first).
LANDUSE_SEPARATOR = "+"


@dataclass(frozen=True)
class Code:
    code: str
    vi: str
    en: str
    group: str = ""


@dataclass(frozen=True)
class CodeList:
    list_name: str
    version: str
    source: str
    entries: tuple[Code, ...]
    notes: str = ""
    #: Retired code -> its successor in this version (e.g. BHK -> HNK in Circular 08/2024).
    replaced: dict = field(default_factory=dict, hash=False)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes in the order of the source document."""
        return tuple(entry.code for entry in self.entries)

    @functools.cached_property
    def _by_code(self) -> dict[str, Code]:
        return {entry.code: entry for entry in self.entries}

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self):
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, code: str) -> Code:
        try:
            return self._by_code[code]
        except KeyError:
            raise CadastreError(
                "codelist.unknown_code",
                f"Code '{code}' is not in the {self.list_name} code list (version {self.version}, "
                f"{self.source}). Accepted codes: {', '.join(self.codes)}.",
                f"Mã '{code}' không có trong danh mục {self.list_name} (phiên bản "
                f"{self.version}). Các mã hợp lệ: {', '.join(self.codes)}.",
            ) from None

    def name(self, code: str, lang: str = "vi") -> str:
        """The code's name in Vietnamese ('vi') or English ('en')."""
        if lang not in ("vi", "en"):
            raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
        return getattr(self.get(code), lang)

    def group(self, code: str) -> str:
        """'agricultural', 'non_agricultural' or 'unused' for land use; '' if the list has none."""
        return self.get(code).group


def _read(path: Path) -> CodeList:
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = tuple(
        Code(item["code"], item["vi"], item["en"], item.get("group", "")) for item in data["codes"]
    )
    return CodeList(data["list"], str(data["version"]), data["source"], entries,
                    data.get("notes", ""), dict(data.get("replaced", {})))


@functools.lru_cache(maxsize=1)
def _catalogue() -> dict[str, list[tuple[tuple[int, str], Path]]]:
    """list name -> [((year, version), path)] sorted oldest first; reads only the headers once."""
    found: dict[str, list[tuple[tuple[int, str], Path]]] = {}
    for path in sorted(_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        order = (int(data.get("year") or 0), str(data["version"]))
        found.setdefault(data["list"], []).append((order, path))
    for versions in found.values():
        versions.sort()
    return found


def available() -> dict[str, list[str]]:
    """Every list name with its versions, oldest first."""
    return {name: [order[1] for order, _ in versions] for name, versions in _catalogue().items()}


@functools.lru_cache(maxsize=None)
def load(list_name: str, version: str | None = None) -> CodeList:
    """A code list by name; ``version=None`` gives :data:`DEFAULT_VERSIONS` or else the newest."""
    versions = _catalogue().get(list_name)
    if not versions:
        raise CadastreError(
            "codelist.unknown_list",
            f"There is no code list '{list_name}'. Available: {', '.join(sorted(_catalogue()))}.",
            f"Không có danh mục '{list_name}'. Các danh mục có sẵn: "
            f"{', '.join(sorted(_catalogue()))}.",
        )
    wanted = version or DEFAULT_VERSIONS.get(list_name) or versions[-1][0][1]
    for (_, ver), path in versions:
        if ver == wanted:
            return _read(path)
    known = ", ".join(ver for (_, ver), _ in versions)
    raise CadastreError(
        "codelist.unknown_version",
        f"Code list '{list_name}' has no version '{wanted}'. Available versions: {known}.",
        f"Danh mục '{list_name}' không có phiên bản '{wanted}'. Các phiên bản có sẵn: {known}.",
    )


# ---------------------------------------------------------------------------------------------
# Land-use values
# ---------------------------------------------------------------------------------------------

def split_landuse(value: str | None) -> list[str]:
    """'ONT+CLN' -> ['ONT', 'CLN'] (main code first). Parts are stripped, otherwise kept as
    written so that validation can report them exactly; empty parts come back as ''."""
    if value is None or not str(value).strip():
        return []
    return [part.strip() for part in str(value).split(LANDUSE_SEPARATOR)]


def check_landuse(value: str | None, codelist: CodeList, where: str = "") -> list[Issue]:
    """Issues with a (possibly composite) land-use value; an empty list means it is valid."""
    document = codelist.source.split(" (")[0]
    src_en = f"land-use code list {codelist.version} of {document}"
    src_vi = f"danh mục mã loại đất {codelist.version} theo {document.replace('Circular', 'Thông tư')}"
    examples = ", ".join([c for c in ("ONT", "ODT", "CLN", "LUC") if c in codelist]
                         or codelist.codes[:4])
    how_en = (f"Accepted: codes of the {src_en} (e.g. {examples}), several joined with "
              f"'{LANDUSE_SEPARATOR}', main code first (e.g. ONT+CLN).")
    how_vi = (f"Chấp nhận: mã trong {src_vi} (ví dụ {examples}), nhiều mã thì nối bằng dấu "
              f"'{LANDUSE_SEPARATOR}', mã chính đứng đầu (ví dụ ONT+CLN).")
    parts = split_landuse(value)
    if not parts:
        return [Issue("landuse.empty", f"The land-use code is empty. {how_en}",
                      f"Chưa có mã loại đất. {how_vi}", where, {"value": value})]

    issues: list[Issue] = []
    seen: set[str] = set()
    for part in parts:
        details = {"value": value, "code": part}
        if not part:
            issues.append(Issue(
                "landuse.empty_part",
                f"The land-use value '{value}' has an empty part between '{LANDUSE_SEPARATOR}' "
                f"signs. {how_en}",
                f"Giá trị loại đất '{value}' có phần trống giữa các dấu '{LANDUSE_SEPARATOR}'. "
                f"{how_vi}",
                where, details))
        elif part not in codelist:
            suggestion = _suggest(part, codelist)
            hint_en = f" Did you mean '{suggestion}'?" if suggestion else ""
            hint_vi = f" Có phải là '{suggestion}'?" if suggestion else ""
            issues.append(Issue(
                "landuse.unknown_code",
                f"Land-use code '{part}' (in '{value}') is not in the code list.{hint_en} {how_en}",
                f"Mã loại đất '{part}' (trong '{value}') không có trong danh mục.{hint_vi} {how_vi}",
                where, details))
        elif part in seen:
            issues.append(Issue(
                "landuse.duplicate_code",
                f"Land-use code '{part}' appears more than once in '{value}'. List each code once.",
                f"Mã loại đất '{part}' xuất hiện nhiều lần trong '{value}'. Mỗi mã chỉ ghi một lần.",
                where, details))
        seen.add(part)
    return issues


def _suggest(code: str, codelist: CodeList) -> str:
    """The successor of a retired code, the upper-case spelling or a near miss, else ''."""
    upper = code.upper()
    if upper in codelist.replaced:
        return codelist.replaced[upper]
    if upper in codelist:
        return upper
    close = difflib.get_close_matches(code.upper(), codelist.codes, n=1, cutoff=0.7)
    return close[0] if close else ""
