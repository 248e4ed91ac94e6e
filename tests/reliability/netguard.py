"""Make any network use fail loudly: for in-process tests and (as sitecustomize) child processes.

Local AF_UNIX sockets (socketpair, Qt's local plumbing) are allowed; connecting, sending or
listening on AF_INET/AF_INET6 and name lookups raise, and the attempt is recorded so a test fails even if the caller swallowed the error.
"""

from __future__ import annotations

import socket

ATTEMPTS: list[str] = []
_real_socket = socket.socket


class NetworkBlocked(OSError):
    pass


def _refuse(what: str) -> None:
    ATTEMPTS.append(what)
    raise NetworkBlocked(f"network use during a test: {what}")


class GuardedSocket(_real_socket):
    """Creating an inet socket is allowed (urllib3 probes IPv6 support at import by binding ::1 port 0);
    connecting, sending, listening or binding anything but a loopback port 0 is not."""

    def _inet(self) -> bool:
        return self.family in (socket.AF_INET, socket.AF_INET6)

    def connect(self, address: object) -> None:
        if self._inet():
            _refuse(f"connect{address!r}")
        super().connect(address)  # type: ignore[arg-type]

    def connect_ex(self, address: object) -> int:
        if self._inet():
            _refuse(f"connect_ex{address!r}")
        return super().connect_ex(address)  # type: ignore[arg-type]

    def sendto(self, *args: object) -> int:  # type: ignore[override]
        if self._inet():
            _refuse("sendto")
        return super().sendto(*args)  # type: ignore[arg-type,call-overload]

    def listen(self, *args: int) -> None:
        if self._inet():
            _refuse("listen")
        super().listen(*args)

    def bind(self, address: object) -> None:
        if self._inet() and not (isinstance(address, tuple) and address[0] in ("::1", "127.0.0.1")
                                 and address[1] == 0):
            _refuse(f"bind{address!r}")
        super().bind(address)  # type: ignore[arg-type]


def _blocked(name: str):  # type: ignore[no-untyped-def]
    def fn(*args: object, **kwargs: object) -> None:
        _refuse(f"{name}{args[:1]}")
    return fn


PATCHES = {
    "socket": GuardedSocket,
    "create_connection": _blocked("create_connection"),
    "getaddrinfo": _blocked("getaddrinfo"),
    "gethostbyname": _blocked("gethostbyname"),
}


def install() -> None:
    for name, value in PATCHES.items():
        setattr(socket, name, value)
