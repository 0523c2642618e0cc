"""Command-line front end: `python -m assistant ...` and its sub-commands."""
