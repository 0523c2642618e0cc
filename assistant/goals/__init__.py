"""Goals: SMART rules, rewrites, the KPI catalogue and calculators, measurement lines."""
