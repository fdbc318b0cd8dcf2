"""Processing provider: the core's jobs as algorithms for models, batch runs and `qgis_process`."""
