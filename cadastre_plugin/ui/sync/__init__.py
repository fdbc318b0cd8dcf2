"""Synchronising working copies with the central land database from QGIS: the sync server's
address and token (kept in QGIS's authentication database), "Check out…", "Push", "Pull" as
background tasks, the violations a refused change set shows on the map, and the conflict
dialog (mine and theirs side by side). The sync itself is the core's (:mod:`core.sync`); this
package only drives it."""
