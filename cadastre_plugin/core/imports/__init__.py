"""Bringing existing maps in and out of a working copy: pure Python (shapely, pyproj), no GDAL,
no Qt.

The readers and writers in :mod:`cadastre_plugin.io` turn files into plain records (shapely
geometries, texts, attribute dicts) and back; everything that decides something lives here,
so it is tested without GDAL:

- :mod:`.linework` builds parcel polygons from boundary lines (noding, snapping undershoots and
  overshoots within the sheet's tolerance) and locates line work that does not close;
- :mod:`.labels` attaches number, land-use and area texts to the polygons that hold them;
- :mod:`.dgn_parcels` puts the two together for a Circular 25/2014 DGN sheet;
- :mod:`.fieldnames`, :mod:`.mapping` and :mod:`.presets` map source fields to ours (the
  Vietnamese schema and its shapefile cuts; mappings saved as editable JSON);
- :mod:`.rows` turns mapped source rows into parcels, or into rejects with the reason, and
  :mod:`.holders` their TenChu into parties;
- :mod:`.reproject` moves geometries into the commune's CRS (VN-2000 through EPSG:6960);
- :mod:`.target` writes the result into a new or an existing working copy, journalled;
- :mod:`.selection` and :mod:`.export_rows` choose and shape parcels for export;
- :mod:`.report` collects every problem with its location, in English and Vietnamese.
"""
