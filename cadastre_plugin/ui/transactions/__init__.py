"""Registration changes in QGIS: the "Record transaction" dialog, the parcel information and
parcel history docks, and their actions. Thin over :mod:`cadastre_plugin.core.transactions`:
the dialog builds a draft, the core validates and records it; the docks show what the core
reads. Modules load on first use, so the plugin starts as fast as before."""
