"""The topology and quality check in QGIS: the "Check topology" action and its background
task, the styled error layers, and the dock that lists the findings, zooms to them and fixes
what the core can fix. The rules, messages and fixes all come from ``core/quality``."""
