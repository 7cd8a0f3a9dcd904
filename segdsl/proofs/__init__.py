"""Reasoning without data: are a segment's children disjoint, do they cover it, can a rule match?

Each question asks for a customer that makes some conditions true and others not true. When
every condition compares fields with constants (==, <, in, between, is null, and, or, not, at
least, set operations, other segments, holdout buckets), a field's value matters only by where
it falls among the constants it meets, so one value of each such region (and null) for every
field, the field's candidates, settles the question for all customers. A customer found is
shown as the counter-example; a condition over anything else (text search, arithmetic,
functions, aggregates, quantiles, a comparison of two fields) gets "cannot prove" instead.

The answer is the first combination of candidates, in the order of `itertools.product` over the
sorted columns, that meets the question, as trying every combination with the reference
interpreter would find it (`Space.find_row(..., enumerate_all=True)` still does; tests/test_proofs.py
checks both agree). It is found faster (`search.Search`): each test of one field is worked out once per
candidate with the reference semantics, as two bit masks (the candidates that make it TRUE, those
that make it FALSE); and/or/not of one field fold into one such pair; a conjunction of tests of one
field each is then decided by intersecting masks, and what spans several fields (an `or` across
fields, `at least`) is searched field by field, a branch being dropped as soon as no goal can be
met whatever the fields not fixed yet hold. What a segment's condition needs (its shape: the
fields, their constants, the tree of tests) is worked out once per checked program and shared by
every question about it (`space.Memo`: lint asks two per segment). The limit of 20,000 combinations
per question (and 200,000 per claim) is kept as before, so the checker decides exactly what it
decided before.

`analysis.Analysis` compiles every segment of a program over one shared set of candidates per field (all
the constants the file compares it with), for the lint rules' questions (L101-L105).

The stages of it, one module each:

- `claims`: the checker's questions (E222, E223, W201, W202);
- `space`: `Space`, a question's candidates and its answer (`CannotDecide` beyond the reasoning);
- `shapes`: a condition as a tree of tests of one column each, with each column's constants;
- `masks`: a column's candidates and the TRUE/FALSE bit masks of a test of it;
- `search`: the field-by-field search over the masks;
- `analysis`: every segment of a program compiled once, for the lint rules.
"""

from .analysis import Analysis
from .claims import prove_claims
from .space import BUDGET, LIMIT, CannotDecide, Space

__all__ = ["Analysis", "BUDGET", "CannotDecide", "LIMIT", "Space", "prove_claims"]
