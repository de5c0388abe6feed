"""One desktop app per collection: a second start asks the first to come to the front, then exits.

The app that has a collection open listens on a local socket named after the collection's path
(`InstanceServer`). A later start first asks there (`ask_running_instance_to_show`); when the
first answers, the later one exits quietly. When nobody answers — no app has the collection open,
or the one that has it hangs — the later start goes on to open the collection, and the core's
lock decides: free (a crashed app's lock dies with its process), or "in use by process N".
"""
from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SHOW_REQUEST = b"show\n"
SHOWN_REPLY = b"shown\n"
ANSWER_TIMEOUT_MS = 2000  # a first app this slow to answer is taken as hung


def instance_name(collection_path: Path) -> str:
    """The local socket's name: one per user and collection file (short, as socket paths must be)."""
    key = f"{getpass.getuser()}\0{Path(collection_path).expanduser().resolve()}"
    return "heatcards-" + hashlib.sha256(key.encode()).hexdigest()[:24]


class InstanceServer(QObject):
    """Listens for later starts of the app on the same collection; each asks to be shown.

    Create it once the collection is open: holding the collection's lock, this app is the only one
    that may listen, so a socket left behind by a crashed app is removed first."""

    show_requested = Signal()

    def __init__(self, collection_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        name = instance_name(collection_path)
        QLocalServer.removeServer(name)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_server_new_connection)
        # Without the socket a later start cannot bring this window forward; it then gets the
        # core's "in use" message instead, which is still right.
        self.server.listen(name)

    def _on_server_new_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == SHOW_REQUEST:
            self.show_requested.emit()
            socket.write(SHOWN_REPLY)
            socket.flush()
        socket.disconnectFromServer()


def ask_running_instance_to_show(collection_path: Path) -> bool:
    """Whether an app that has this collection open answered that it came to the front.

    Waits in a local event loop (not a blocking wait), so a server in this same process answers too."""
    socket = QLocalSocket()
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    socket.connected.connect(lambda: socket.write(SHOW_REQUEST))
    socket.readyRead.connect(lambda: loop.quit() if socket.canReadLine() else None)
    socket.errorOccurred.connect(loop.quit)
    socket.disconnected.connect(loop.quit)
    QTimer.singleShot(0, lambda: socket.connectToServer(instance_name(collection_path)))
    timer.start(ANSWER_TIMEOUT_MS)
    loop.exec()
    timer.stop()
    answered = socket.canReadLine() and bytes(socket.readLine().data()) == SHOWN_REPLY
    socket.abort()
    return answered
