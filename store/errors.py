"""What the store refuses: errors whose Chinese message is meant for the editor."""

from __future__ import annotations


class StoreError(ValueError):
    """A change the store refuses; the message is Chinese and meant for the editor."""


class ConflictError(StoreError):
    """The row changed since the editor loaded it; `current` is the row as it is now."""

    def __init__(self, message: str, current: dict | None):
        super().__init__(message)
        self.current = current
