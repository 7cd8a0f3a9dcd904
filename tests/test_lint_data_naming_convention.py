"""L304 data-naming-convention (opt-in)."""

from lint_helpers import codes_of, findings_of

TEXT = """entity Customers { key id: int  SignupDate: date }
events Orders of Customers by id at orderedAt { Amount: float  ordered_at2: timestamp }
segment s: count(Orders) > 1 and SignupDate > date("2020-01-01")
"""


def test_opt_in():
    assert "L304" not in codes_of(TEXT)


def test_every_name_of_the_data():
    found = findings_of(TEXT, ["L304"])
    assert [f.message for f in found] == [
        "entity name 'Customers' is not snake_case", "field name 'SignupDate' is not snake_case",
        "event table name 'Orders' is not snake_case", "field name 'orderedAt' of 'Orders' is not snake_case",
        "field name 'Amount' of 'Orders' is not snake_case",
    ]
    assert found[1].help == "in snake_case it is 'signup_date': rename it in the data, then in the file"


def test_snake_case_data_passes():
    assert codes_of("entity customers { key id: int  signup_date: date }\nsegment s: id > 1", ["L304"]) == []
