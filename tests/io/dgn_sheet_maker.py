"""Builds DGN sheets from generated parcels, the way FAMIS/gCadas deliver them: boundaries as
merged line work on level 10, parcel number (11), land-use (2) and area (4) texts inside each
parcel. Faults are injected by editing the element list before it is written."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from cadastre_plugin.core.area import round_area
from cadastre_plugin.core.demo import generate_parcels
from cadastre_plugin.core.imports.dgn_parcels import Element
from cadastre_plugin.core.numbering import number_parcels
from shapely.ops import polylabel, substring


@dataclass
class Sheet:
    geoms: np.ndarray
    numbers: np.ndarray
    landuse: np.ndarray
    areas: np.ndarray
    lines: list  # level-10 line work (shapely LineStrings)
    texts: list  # Elements on the text levels

    def elements(self, extra=()) -> list:
        return [Element(10, g) for g in self.lines] + list(self.texts) + list(extra)

    def index_of(self, number: int) -> int:
        return int(np.flatnonzero(self.numbers == number)[0])

    def text_points(self, i: int):
        """Three points inside parcel i, stacked north to south around its pole of
        inaccessibility, for the number, land-use and area texts."""
        g = self.geoms[i]
        pole = polylabel(g, 0.05)
        r = float(shapely.distance(pole, g.exterior))
        x, y = pole.x, pole.y
        return (x, y + r / 2), (x, y), (x, y - r / 2)


def make_sheet(n: int = 30, seed: int = 3) -> Sheet:
    geoms, _, landuse, _, _ = generate_parcels(n, seed)
    numbers = number_parcels(geoms)
    areas = round_area(shapely.area(geoms))
    merged = shapely.line_merge(shapely.union_all(shapely.boundary(geoms)))
    lines = list(shapely.get_parts(merged))
    sheet = Sheet(geoms, numbers, landuse, areas, lines, [])
    for i in range(len(geoms)):
        p_no, p_lu, p_area = sheet.text_points(i)
        sheet.texts += [Element(11, shapely.Point(p_no), str(numbers[i])),
                        Element(2, shapely.Point(p_lu), str(landuse[i])),
                        Element(4, shapely.Point(p_area), f"{areas[i]:.1f}")]
    return sheet


def shared_edge(sheet: Sheet, a: int, b: int):
    """The boundary two parcels share (by index)."""
    return shapely.line_merge(shapely.intersection(sheet.geoms[a].boundary,
                                                   sheet.geoms[b].boundary))


def neighbours(sheet: Sheet, i: int) -> list:
    touching = shapely.STRtree(sheet.geoms).query(sheet.geoms[i], predicate="touches")
    return [int(j) for j in touching
            if shapely.length(shared_edge(sheet, i, int(j))) > 5.0]


def cut_gap(sheet: Sheet, at, width: float) -> tuple:
    """Removes ``width`` metres of line work centred on point ``at``; returns the two new free
    ends."""
    hole = shapely.Point(at).buffer(width / 2, quad_segs=64)
    out, ends = [], []
    for line in sheet.lines:
        if shapely.distance(line, shapely.Point(at)) < 1e-6:
            pieces = shapely.get_parts(shapely.difference(line, hole))
            out += list(pieces)
            for piece in pieces:
                for end in shapely.get_coordinates(shapely.boundary(piece)):
                    if abs(np.hypot(*(end - np.asarray(at))) - width / 2) < 1e-3:
                        ends.append(tuple(end))
        else:
            out.append(line)
    sheet.lines = out
    return tuple(ends)


def shorten_end(sheet: Sheet, line_index: int, by: float):
    """Pulls back the end of one line by ``by`` metres; returns (old end, new end)."""
    line = sheet.lines[line_index]
    keep = shapely.length(line) - by
    coords = shapely.get_coordinates(substring(line, 0, keep))
    old = shapely.get_coordinates(line)[-1]
    sheet.lines[line_index] = shapely.linestrings(coords)
    return tuple(old), tuple(coords[-1])


def extend_end(sheet: Sheet, line_index: int, by: float):
    """Runs the end of one line ``by`` metres past its end point; returns the new end."""
    coords = shapely.get_coordinates(sheet.lines[line_index])
    d = coords[-1] - coords[-2]
    d = d / np.hypot(*d)
    new = coords[-1] + d * by
    sheet.lines[line_index] = shapely.linestrings(np.vstack([coords, new]))
    return tuple(new)


def drop_texts(sheet: Sheet, level: int, text: str) -> None:
    sheet.texts = [t for t in sheet.texts if not (t.level == level and t.text == text)]


def set_text(sheet: Sheet, level: int, old: str, new: str, number_parcel: int = None) -> None:
    """Replaces a text (for the area/land-use texts, of the parcel whose index is given)."""
    out = []
    for t in sheet.texts:
        inside = number_parcel is None or shapely.contains(sheet.geoms[number_parcel], t.geometry)
        if t.level == level and t.text == old and inside:
            t = Element(level, t.geometry, new)
        out.append(t)
    sheet.texts = out
