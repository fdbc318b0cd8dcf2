"""A working copy with a parcel whose coordinate table needs two pages and a large scale."""
import numpy as np
import shapely

from cadastre_plugin.core.area import round_area
from cadastre_plugin.core.working_copy import WorkingCopy

BIG_SHEET, BIG_NUMBER, BIG_VERTICES = 1, 500, 60


def add_big_parcel(path) -> shapely.Polygon:
    """A 60-point, roughly 560 m wide forest parcel south-east of the demo blocks."""
    t = np.linspace(0, 2 * np.pi, BIG_VERTICES + 1)[:-1]
    r = 250 + 30 * np.sin(5 * t)
    poly = shapely.Polygon(np.column_stack([589500 + r * np.cos(t), 2309000 + r * np.sin(t)]))
    with WorkingCopy.open(str(path)) as wc:
        with wc.operation("test") as conn:
            wc.add_parcels(conn, [poly], {
                "commune_code": [wc.commune.code], "sheet_no": [BIG_SHEET],
                "parcel_no": [BIG_NUMBER], "area": [float(round_area(poly.area))],
                "landuse": ["RSX"]})
    return poly
