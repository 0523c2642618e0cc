"""Plan Assistant: a bilingual chat assistant that drafts sales & marketing plans."""

import os as _os

# The embedding model's OpenMP threads busy-wait by default: with any other process on a core
# (the web server's own threads, a test run, a neighbour) one query takes ~100x longer. PASSIVE
# makes them sleep; it must be set before the library loads, so it is set here, first.
_os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
