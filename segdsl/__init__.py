"""segdsl: one definition of a customer segment, the same members everywhere."""

from .diagnostics import Diagnostic, SegdslError, Severity
from .program import Program, load, loads

__all__ = ["Diagnostic", "Program", "SegdslError", "Severity", "load", "loads"]
__version__ = "0.1.0"
