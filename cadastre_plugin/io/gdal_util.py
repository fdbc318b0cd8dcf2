"""Small helpers shared by the GDAL readers and writers."""
from __future__ import annotations

from contextlib import contextmanager

from osgeo import gdal


@contextmanager
def quiet_gdal():
    """GDAL errors collected instead of printed; the caller turns failures into bilingual
    messages. The handler is pushed and popped, so QGIS's own GDAL handling is left alone."""
    messages = []

    def handler(level, code, msg):
        if level >= gdal.CE_Failure:
            messages.append(msg)

    gdal.PushErrorHandler(handler)
    try:
        yield messages
    finally:
        gdal.PopErrorHandler()
