"""One module per rule; importing this package registers them all."""

from . import always_true, null_trap, unsatisfiable  # noqa: F401
