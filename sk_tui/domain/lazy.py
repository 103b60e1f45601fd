"""A module imported at its first use, for the modules a start-up path names but seldom calls.

    >>> calendar = lazy_module("calendar")
    >>> calendar.isleap(2028)
    True

Unlike ``importlib.util.LazyLoader`` the module is imported by the ordinary import machinery
(under its import lock), so two threads touching it at once each see it whole.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _Lazy(ModuleType):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__dict__["_lazy_module"] = None

    def __getattr__(self, attr: str) -> Any:
        module = self.__dict__["_lazy_module"]
        if module is None:
            module = self.__dict__["_lazy_module"] = importlib.import_module(self.__name__)
        return getattr(module, attr)


def lazy_module(name: str) -> Any:
    """``name``'s module, imported when one of its attributes is first read."""
    return _Lazy(name)
