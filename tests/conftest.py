import sys
from pathlib import Path

# tests/generate.py is shared by benchmarks and scale tests.
sys.path.insert(0, str(Path(__file__).resolve().parent))
