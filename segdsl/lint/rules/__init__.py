"""One module per rule; importing this package registers them all."""

from . import always_true, null_trap, unsatisfiable, unused_noqa  # noqa: F401
