"""The cadastral core: domain model, geometry, rules, working copy, journal, sync.

Pure Python (shapely >= 2, pyproj): nothing here may import Qt or QGIS, so the command line,
the Processing algorithms and the server share it unchanged.
"""
