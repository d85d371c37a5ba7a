import ctypes
import platform

import pytest
from givefirst.cli import memory


@pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only"
)
def test_the_service_caps_glibcs_arenas():
    assert memory.fewer_arenas() is True


def test_without_mallopt_nothing_changes(monkeypatch):
    class NoMallopt:
        def __init__(self, _name):
            pass

    monkeypatch.setattr(ctypes, "CDLL", NoMallopt)
    assert memory.fewer_arenas() is False
