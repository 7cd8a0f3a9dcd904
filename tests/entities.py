"""Entity blocks shared by several test modules."""

# Every scalar type and an enum, for construct-by-construct tests on the `people` table.
PEOPLE = """
entity people {
  key id: int
  name: string
  note: string
  n: int
  x: float
  flag: bool
  d: date
  ts: timestamp
  kind: enum("a", "b")
}
"""
