"""Core: the plan model, section catalogue, settings, errors and interface texts (no I/O libraries)."""
