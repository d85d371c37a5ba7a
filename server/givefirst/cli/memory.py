"""How much memory the long-running service holds on to.

glibc gives threads that allocate at the same time arenas of their own (up to eight per core),
and memory freed in an arena stays with it: every server thread that once parsed a large page or
built a large view kept that much. Two arenas are plenty for a service one person uses.
"""

import ctypes

M_ARENA_MAX = -8  # glibc's malloc.h
ARENAS = 2


def fewer_arenas(count: int = ARENAS) -> bool:
    """Cap glibc's malloc arenas at `count`; False where the C library has no `mallopt`
    (macOS, musl), which changes nothing there. Call it before the server's threads start."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return mallopt(M_ARENA_MAX, count) == 1
