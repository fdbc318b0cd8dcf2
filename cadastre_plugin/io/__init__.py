"""File formats through GDAL/OGR (``osgeo``): thin readers and writers around the pure core.

Readers turn a file into plain records (shapely geometries, texts, attribute dicts) and hand
them to :mod:`cadastre_plugin.core.imports`, which decides everything; writers take rows the
core has prepared. Nothing here imports Qt or QGIS, so the command line runs without them;
the one exception, ``import_algorithms`` (Processing), is loaded only by the provider.
"""
