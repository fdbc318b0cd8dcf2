"""Topology and quality checks: a rule engine over parcel arrays (shapely 2, vectorised).

* :mod:`.engine` - the Rule base class; :mod:`.rules` - one module per rule;
  :mod:`.registry` - the list of rules.
* :mod:`.context` - CheckContext: geometries, attributes, tolerances, spatial index and the
  per-row results shared by rules and by incremental re-checks.
* :mod:`.run` - full check and ``check_neighbourhood`` (incremental, after an edit).
* :mod:`.fixes` - automatic fixes that never make the map worse, journalled in the working copy.
* :mod:`.coverage`, :mod:`.overlaps`, :mod:`.gaps`, :mod:`.vertices` - shared computations.
* :mod:`.inject` - known faults for tests and the benchmark; :mod:`.source` - OGR sources for
  the command line; :mod:`.error_layer` - findings as a GeoPackage.
"""
from .context import CheckContext
from .finding import Finding
from .fixes import apply_fixes, fix_findings
from .run import CheckResult, check_neighbourhood, run_rules
from .tolerances import Tolerances

__all__ = ["CheckContext", "CheckResult", "Finding", "Tolerances", "apply_fixes",
           "check_neighbourhood", "fix_findings", "run_rules"]
