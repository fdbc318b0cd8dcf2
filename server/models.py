"""The request and response shapes of the API, with the input limits that protect the server.

Data models are generated from the table descriptions the client uses too
(:mod:`cadastre_plugin.core.sync.tables`). Every model forbids unknown fields; text is bounded
and may not hold NUL or lone surrogates (PostgreSQL text cannot store them, and a 500 is not an
answer); integers fit PostgreSQL's types; geometries are GeoJSON Polygons inside the
plausible TM-3 range for Vietnam with at most 10,000 vertices.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union
from uuid import UUID

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, StringConstraints,
                      create_model, model_validator)

from cadastre_plugin.core.sync.rules import MAX_VERTICES
from cadastre_plugin.core.sync.tables import TABLES

# VN-2000 TM-3 coordinates of anything in Vietnam (false easting 500 km; 8.5°N-23.5°N).
EASTING = (0.0, 1_000_000.0)
NORTHING = (900_000.0, 2_700_000.0)
MAX_TEXT = 4000
INT4 = 2**31 - 1
MAX_REVISION = 2**62
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


def _storable(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text may not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode (no lone surrogates)") from None
    return value


Text = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_storable)]
Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
# Strict numbers: "588100" or true are not coordinates, 3.0 is not a parcel number.
Int = Annotated[int, Field(ge=-INT4, le=INT4, strict=True)]
Real = Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False, strict=True)]
Coordinate = Annotated[float, Field(allow_inf_nan=False, strict=True)]
Position = Annotated[list[Coordinate], Field(min_length=2, max_length=2)]
Ring = Annotated[list[Position], Field(min_length=4, max_length=MAX_VERTICES)]
Revision = Annotated[int, Field(ge=0, le=MAX_REVISION, strict=True)]
Version = Annotated[int, Field(ge=1, le=INT4, strict=True)]
CommuneCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]

_STRICT = ConfigDict(extra="forbid")


class Polygon(BaseModel):
    """A GeoJSON Polygon in the commune's TM-3 CRS (easting, northing in metres)."""

    model_config = _STRICT
    type: Literal["Polygon"]
    coordinates: Annotated[list[Ring], Field(min_length=1, max_length=1000)]

    @model_validator(mode="after")
    def _plausible(self):
        count = sum(len(r) for r in self.coordinates)
        if count > MAX_VERTICES:
            raise ValueError(f"a parcel may have at most {MAX_VERTICES} vertices, not {count}")
        for ring in self.coordinates:
            if ring[0] != ring[-1]:
                raise ValueError("each ring must be closed (last position = first position)")
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            if min(xs) < EASTING[0] or max(xs) > EASTING[1] or min(ys) < NORTHING[0] \
                    or max(ys) > NORTHING[1]:
                raise ValueError(
                    f"coordinates must be VN-2000 TM-3 metres inside Vietnam: easting "
                    f"{EASTING[0]:.0f}..{EASTING[1]:.0f}, northing {NORTHING[0]:.0f}.."
                    f"{NORTHING[1]:.0f} (are they in degrees, or swapped?)")
        return self


Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Count = Annotated[int, Field(ge=0, le=INT4, strict=True)]
_KIND = {"uuid": Uuid, "text": Text, "int": Int, "real": Real, "sha256": Sha256, "count": Count}


def _field(col):
    kind = Literal[col.choices] if col.choices else _KIND[col.kind]
    return (kind, ...) if col.required else (Optional[kind], None)


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


class _Change(BaseModel):
    model_config = _STRICT

    @model_validator(mode="after")
    def _data_matches_action(self):
        if self.action == "upsert" and self.data is None:
            raise ValueError("an upsert needs its data")
        if self.action == "delete" and self.data is not None:
            raise ValueError("a delete carries no data")
        return self


def _models():
    changes, rows = [], {}
    for name, spec in TABLES.items():
        key = create_model(f"{_camel(name)}Key", __config__=_STRICT,
                           **{c.name: _field(c) for c in spec.key})
        fields = {c.name: _field(c) for c in spec.columns}
        if spec.geometry:
            fields["geometry"] = (Optional[Polygon], None)
        data = create_model(f"{_camel(name)}Data", __config__=_STRICT, **fields)
        rows[name] = (key, data)
        changes.append(create_model(
            f"{_camel(name)}Change", __base__=_Change,
            table=(Literal[name], ...), action=(Literal["upsert", "delete"], ...),
            key=(key, ...), base_version=(Optional[Version], None),
            data=(Optional[data], None)))
    return changes, rows


_CHANGE_MODELS, ROW_MODELS = _models()
Change = Annotated[Union[tuple(_CHANGE_MODELS)], Field(discriminator="table")]


class ChangeSet(BaseModel):
    """Local edits of one working copy, built from its journal; applied all or nothing, once."""

    model_config = _STRICT
    uuid: UUID = Field(description="Client-generated; the same UUID is applied only once.")
    commune_code: CommuneCode
    crs: Annotated[str, StringConstraints(pattern=r"^EPSG:[0-9]{4,6}$")]
    base_revision: Revision
    changes: Annotated[list[Change], Field(min_length=1, max_length=200_000)]


class VersionOut(BaseModel):
    table: str
    key: dict[str, Any]
    version: Optional[int] = Field(description="The row's new version; null once deleted.")


class PushResult(BaseModel):
    changeset: UUID
    revision: int
    applied: int
    versions: list[VersionOut]


class ChangeOut(BaseModel):
    revision: int
    table: str
    action: Literal["upsert", "delete"]
    key: dict[str, Any]
    version: Optional[int]
    data: Optional[dict[str, Any]] = Field(description="Current row; geometry as GeoJSON in "
                                                       "the CRS given by the page's 'crs'.")


class ChangesPage(BaseModel):
    commune_code: str
    crs: str
    since: int
    head: int
    total: int
    changes: list[ChangeOut]
    next_cursor: Optional[str]


class Sheet(BaseModel):
    sheet_no: int
    grid_number: Optional[str]
    scale: Optional[int]
    crs_epsg: int
    geometry: Optional[dict[str, Any]]


class CommuneOut(BaseModel):
    code: str
    name: str
    district_code: str
    district_name: Optional[str]
    province_code: Optional[str]
    province_name: Optional[str]
    crs_epsg: int
    crs: str
    head: int
    sheets: list[Sheet]


class ParcelVersion(BaseModel):
    version: int
    current: bool
    revision: Optional[int]
    changeset_uuid: Optional[str]
    data: dict[str, Any]


class History(BaseModel):
    uuid: str
    crs: str
    versions: list[ParcelVersion]


class Identity(BaseModel):
    name: str
    role: str
    districts: list[str]


class EarlierVersion(BaseModel):
    id: int
    uuid: str
    version: int
    transaction_uuid: Optional[str]
    data: dict[str, Any]


class EarlierVersionsPage(BaseModel):
    crs: str
    versions: list[EarlierVersion]
    next_after: Optional[int]


class DocumentStatus(BaseModel):
    sha256: str
    size: int
    received: int
    complete: bool


class Problem(BaseModel):
    """RFC 9457 problem details, with the message in English and Vietnamese."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    message_en: str
    message_vi: str
    violations: Optional[list[dict[str, Any]]] = None
    conflicts: Optional[list[dict[str, Any]]] = None
    errors: Optional[list[dict[str, Any]]] = None
