"""Importing gradio without its stub writer.

gradio 6 regenerates the `.pyi` type stub of every one of its components each time it is imported
(`gradio.component_meta.create_or_modify_pyi`, a tool for gradio's own developers): it re-reads and
re-parses each component's source file and renders a template for it, about a second of a two-second
import, and tries to write into site-packages. The stubs ship in the wheel already and nothing at
run time reads them. `skip_stub_writer()` makes that step a no-op for this process, so the app is up
a second sooner. It does nothing when gradio is already imported or its layout has changed.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

_MODULE = "gradio.component_meta"
_WRITER = "create_or_modify_pyi"


def _no_stub(*_args: Any, **_kwargs: Any) -> None:
    """Stands in for gradio's stub writer: the shipped stubs are kept as they are."""


class _Loader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self.inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.inner.exec_module(module)
        if callable(getattr(module, _WRITER, None)):
            setattr(module, _WRITER, _no_stub)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _MODULE:
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)  # one module, once
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _Loader(spec.loader)
        return spec


def skip_stub_writer() -> bool:
    """Install the hook before gradio is imported; True when it will take effect."""
    if _MODULE in sys.modules or "gradio" in sys.modules:
        return False
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
    return True
