"""Printed documents: the parcel extract (trích lục bản đồ địa chính) as a QGIS print layout.

``extract_data`` computes what the document shows (pure Python); ``template`` builds the
A4 layout template (``extract_a4.qpt``, editable in QGIS's layout designer); ``extract``
fills it for one parcel and exports the PDF; ``headless`` starts QGIS for the command line.
"""
