"""Laying a surveyed boundary over the existing parcels: who loses land, who gains it.

Two uses (the working-copy side is :mod:`.apply_survey`):

* **New parcel over existing parcels** (``target=None``): every parcel the survey covers
  gives up the covered part; what remains of it may be one piece or several (a road survey
  crossing a parcel leaves two).
* **Replace a parcel's boundary** (``target`` = its key; a re-survey): the survey becomes
  the target's boundary. Neighbours it now covers lose that land and must stay one piece;
  strips of the target the survey no longer covers ("freed strips") must go somewhere.

What happens to a freed strip. QGIS's own topological editing ("avoid overlaps" with a
reshape) clips overlaps but leaves whatever the edit uncovers as a gap, silently; Asistente
LADM-COL then reports such gaps with its quality rules, for someone to fix by hand later; GIS
"fill gaps" tools (ArcGIS Fill Gaps, GDAL's clean-coverage) hand a gap to the neighbour with
the longest common border. In a cadastre land handed to the wrong holder is a legal error,
not a cosmetic one, so this module only decides where the answer is unambiguous:

* the strip's old boundary (the part that is not the new surveyed line) runs along exactly
  one neighbour: the strip goes to that neighbour (its boundary follows the survey there);
* it runs along no neighbour, only along unparcelled land (a road, a river): the strip
  returns to unparcelled land, with a warning giving its place and area;
* anything else (two neighbours, or a neighbour and unparcelled land): refused, naming the
  place, the area and the parcels, so the surveyor can close the survey on the old corner or
  move the shared boundary first.

A contact no longer than the strip's ends (the tolerance, or about the strip's width) does
not count: a wedge freed along a neighbour's side also touches the road with its blunt end.
A strip within the tolerance in every direction goes to what it touches most (that is survey
noise, not land).

Refused as well, naming the parcel: a neighbour the survey covers entirely (merge it
first), a neighbour left as a sliver narrower than the tolerance, and, when replacing, a
neighbour the survey would cut in two (split it first, or make the survey a new parcel).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable, Mapping

import numpy as np
import shapely
from shapely.geometry import Polygon

from ..messages import CadastreError, Issue
from .shared_vertex import format_xy, insert_vertices, label_of

# Pieces of an overlay smaller than this (m²) are rounding debris of GEOS, not land: a
# centimetre square. Real pieces below the tolerance are refused as slivers before this.
NOISE_AREA = 1e-4
# How close (m) a strip's edge must be to a boundary to count as running along it.
_ALONG = 1e-5


@dataclass
class Overlay:
    """The parcels' new shapes once the survey is laid over them (keys as given)."""

    survey: Polygon  # the surveyed parcel, with the vertices its neighbours now share
    after: dict  # key -> new polygon of every parcel that keeps its identity and changed
    rests: dict  # key -> [pieces]: covered parcels that are cut (new-parcel mode)
    taken: dict = field(default_factory=dict)  # key -> m² the survey takes from it
    given: dict = field(default_factory=dict)  # key -> m² of freed strips it receives
    from_unparcelled: float = 0.0  # m² of the survey on land no parcel held
    to_unparcelled: float = 0.0  # m² of freed strips returned to unparcelled land
    warnings: list = field(default_factory=list)


def _parts(geom) -> list:
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
    return [shapely.orient_polygons(p) for p in parts if p.area > NOISE_AREA]


def _at(geom) -> str:
    p = geom.representative_point()
    return format_xy(p.x, p.y)


def _along(line, other_boundary) -> float:
    return shapely.intersection(line, shapely.buffer(other_boundary, _ALONG)).length


def _check_rest(pieces, tolerance: float, label: str, original) -> None:
    if not pieces:
        raise CadastreError(
            "TRAVERSE_SWALLOWS_PARCEL",
            f"The surveyed boundary covers all of parcel {label} ({original.area:.1f} m²) near "
            f"{_at(original)}: that parcel would vanish. Merge it with the surveyed parcel "
            "first, or check the survey.",
            f"Ranh giới đo đạc bao trùm toàn bộ thửa {label} ({original.area:.1f} m²) gần "
            f"{_at(original)}: thửa đó sẽ mất hẳn. Hãy hợp thửa đó với thửa đo đạc trước, hoặc "
            "kiểm tra lại số liệu đo.", label)
    for piece in pieces:
        if shapely.buffer(piece, -tolerance / 2.0, quad_segs=2).is_empty:
            raise CadastreError(
                "TRAVERSE_LEAVES_SLIVER",
                f"The surveyed boundary would leave parcel {label} a sliver narrower than "
                f"{tolerance:g} m near {_at(piece)} ({piece.area:.2f} m²). Close the survey on "
                "that parcel's boundary vertices, or include the sliver in the survey.",
                f"Ranh giới đo đạc sẽ để lại cho thửa {label} một dải hẹp dưới {tolerance:g} m "
                f"gần {_at(piece)} ({piece.area:.2f} m²). Hãy khép số liệu đo vào các đỉnh ranh "
                "giới của thửa đó, hoặc đưa dải hẹp vào phần đo đạc.", label)


def _strip_owner(strip, survey, parcels: Mapping, target, tolerance: float, labels):
    """Key of the parcel a freed strip goes to, None for unparcelled land; or a refusal."""
    edge = strip.boundary
    on_survey = _along(edge, survey.boundary)
    contacts = {}
    for key, geom in parcels.items():
        if key == target or not shapely.intersects(edge, geom):
            continue
        length = _along(edge, geom.boundary)
        if length > _ALONG * 10:
            contacts[key] = length
    free = max(0.0, edge.length - on_survey - sum(contacts.values()))
    candidates = dict(contacts)
    if free > _ALONG * 10:
        candidates[None] = free
    if len(candidates) <= 1:
        return next(iter(candidates), None)
    # A contact up to about the strip's width is one of its ends (the mean width of a thin
    # strip is 2·area/perimeter; a wedge's blunt end is twice that).
    width = 2.0 * strip.area / edge.length
    end = max(tolerance, 3.0 * width)
    long = {k: v for k, v in candidates.items() if v > end}
    if len(long) == 1:
        return next(iter(long))
    if not long and width <= tolerance:
        # Within the tolerance every way: survey noise, to what it touches most.
        return max(candidates, key=candidates.get)
    long = long or candidates
    free_long = None in long
    long = {k: v for k, v in long.items() if k is not None}
    names = ", ".join(label_of(labels, k) for k in long)
    if free_long:
        names_en = f"{names} and unparcelled land" if names else "unparcelled land"
        names_vi = f"{names} và đất chưa lập thửa" if names else "đất chưa lập thửa"
    else:
        names_en = names_vi = names
    where = _at(strip)
    raise CadastreError(
        "TRAVERSE_STRIP_AMBIGUOUS",
        f"The new boundary frees a strip of {strip.area:.2f} m² of parcel "
        f"{label_of(labels, target)} near {where} that borders {names_en}: it is not clear who "
        "it belongs to. Close the survey on the old corner vertices there, or move the shared "
        "boundary first.",
        f"Ranh giới mới để lại một dải {strip.area:.2f} m² của thửa {label_of(labels, target)} "
        f"gần {where} giáp với {names_vi}: không xác định được dải đất thuộc về ai. Hãy khép số "
        "liệu đo vào các đỉnh góc cũ tại đó, hoặc di chuyển ranh giới chung trước.", where)


def overlay_survey(survey: Polygon, parcels: Mapping[Hashable, Polygon], tolerance: float,
                   labels: Mapping | None = None, target: Hashable | None = None) -> Overlay:
    """Lay ``survey`` (already fitted to the coverage) over the neighbourhood ``parcels``;
    ``target`` = key of the parcel whose boundary it replaces, None for a new parcel.
    Raises CadastreError for the refusals listed in the module docstring."""
    keys = [k for k in parcels if k != target]
    geoms = np.array([parcels[k] for k in keys], dtype=object)
    overlapping = (shapely.relate_pattern(survey, geoms, "2********") if len(keys)
                   else np.zeros(0, dtype=bool))
    after, rests, taken, given = {}, {}, {}, {}
    for k, geom, hit in zip(keys, geoms, overlapping):
        if not hit:
            continue
        area = shapely.intersection(geom, survey).area
        if area <= NOISE_AREA:
            continue
        label = label_of(labels, k)
        pieces = _parts(shapely.difference(geom, survey))
        _check_rest(pieces, tolerance, label, geom)
        taken[k] = area
        if target is None:
            rests[k] = pieces
        elif len(pieces) > 1:
            raise CadastreError(
                "TRAVERSE_CUTS_NEIGHBOUR",
                f"The new boundary would cut parcel {label} into {len(pieces)} pieces near "
                f"{_at(geom)}. Split that parcel first, or make the survey a new parcel.",
                f"Ranh giới mới sẽ cắt thửa {label} thành {len(pieces)} phần gần {_at(geom)}. "
                "Hãy tách thửa đó trước, hoặc tạo thửa mới từ số liệu đo.", label)
        else:
            after[k] = pieces[0]
    covered = sum(taken.values())
    if target is not None:
        covered += shapely.intersection(parcels[target], survey).area
    result = Overlay(survey, after, rests, taken, given,
                     from_unparcelled=max(0.0, survey.area - covered))
    if target is not None:
        for strip in _parts(shapely.difference(parcels[target], survey)):
            owner = _strip_owner(strip, survey, parcels, target, tolerance, labels)
            if owner is None:
                result.to_unparcelled += strip.area
                result.warnings.append(Issue(
                    "TRAVERSE_STRIP_UNPARCELLED",
                    f"A strip of {strip.area:.2f} m² that parcel {label_of(labels, target)} "
                    f"held near {_at(strip)} is outside the new boundary and borders no other "
                    "parcel: it is now unparcelled land. Check that this is what the survey "
                    "found.",
                    f"Một dải {strip.area:.2f} m² trước thuộc thửa {label_of(labels, target)} "
                    f"gần {_at(strip)} nằm ngoài ranh giới mới và không giáp thửa nào khác: "
                    "nay là đất chưa lập thửa. Hãy kiểm tra lại đúng với kết quả đo.",
                    _at(strip), {"area": strip.area}))
                continue
            base = after.get(owner, parcels[owner])
            merged = shapely.union(base, strip)
            if merged.geom_type != "Polygon":
                raise CadastreError(
                    "TRAVERSE_STRIP_AMBIGUOUS",
                    f"A strip of {strip.area:.2f} m² freed near {_at(strip)} only touches "
                    f"parcel {label_of(labels, owner)} at a point. Close the survey on the old "
                    "corner vertices there.",
                    f"Dải {strip.area:.2f} m² được tách ra gần {_at(strip)} chỉ chạm thửa "
                    f"{label_of(labels, owner)} tại một điểm. Hãy khép số liệu đo vào các đỉnh "
                    "góc cũ tại đó.", _at(strip))
            after[owner] = shapely.orient_polygons(merged)
            given[owner] = given.get(owner, 0.0) + strip.area
    _share_vertices(result)
    return result


def _share_vertices(result: Overlay) -> None:
    """Every new vertex into every changed shape that has it on an edge (no T-junctions).
    Untouched neighbours get theirs from the caller, which knows the whole neighbourhood."""
    shapes = [result.survey] + list(result.after.values()) + [
        p for pieces in result.rests.values() for p in pieces]
    points = np.unique(np.concatenate([shapely.get_coordinates(g) for g in shapes]), axis=0)
    result.survey = insert_vertices(result.survey, points) or result.survey
    for k, g in list(result.after.items()):
        result.after[k] = insert_vertices(g, points) or g
    for k, pieces in result.rests.items():
        result.rests[k] = [insert_vertices(p, points) or p for p in pieces]


def changed_vertices(result: Overlay) -> np.ndarray:
    """All vertices of the new shapes: what the untouched neighbours must hold where these
    lie on their edges."""
    shapes = [result.survey] + list(result.after.values()) + [
        p for pieces in result.rests.values() for p in pieces]
    return np.unique(np.concatenate([shapely.get_coordinates(g) for g in shapes]), axis=0)
