"""Errors whose message is meant for the user (Vietnamese), raised by core use cases."""


class UserError(Exception):
    """Rejected input or an impossible action; ``str(exc)`` is shown to the user as is."""


class NotFound(UserError):
    pass
