"""The plugin's Qt/QGIS user interface: thin layers over :mod:`cadastre_plugin.core`."""
