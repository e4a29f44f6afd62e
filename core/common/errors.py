"""Errors raised by core use cases: messages meant for the user (Vietnamese), and the one
signal that long work was cancelled."""


class UserError(Exception):
    """Rejected input or an impossible action; ``str(exc)`` is shown to the user as is."""


class NotFound(UserError):
    pass


class Cancelled(Exception):  # a signal, not a failure: deliberately not a UserError
    """The user cancelled long work (an import, export, print or sync) while it ran; nothing
    was written: a transaction was rolled back, an output file was left as it was.

    Raised from inside the work when its ``is_cancelled()`` callback turns true; the GUI's job
    runner reports it as "cancelled", not as an error.
    """

    def __init__(self, message: str = "Đã huỷ thao tác.") -> None:
        super().__init__(message)
