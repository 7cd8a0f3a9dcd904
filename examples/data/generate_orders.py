"""Generates examples/data/orders.csv: three years of purchases by the bike shop's customers.

Deterministic (a fixed seed), so the committed file can be regenerated and checked
(tests/test_examples.py). Run from the repository root:

    python examples/data/generate_orders.py > examples/data/orders.csv

What makes it realistic enough to try segments on:
- repeat buyers and a long tail: how often a customer buys is heavy-tailed (a few buy
  weekly, most a few times a year, some never), and so are amounts (log-normal);
- seasonality: bikes and parts peak in spring and summer, books and music before Christmas;
- habits: each customer has favourite categories and a taste for discounts, so there are
  deal hunters and full-price buyers; some customers stop buying (lapse) and a few come back;
- messy data: a few orders without an amount, without a category, or without a time.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
import sys
from pathlib import Path

SEED = 20261101
START, END = dt.datetime(2023, 11, 1), dt.datetime(2026, 11, 1)
CATEGORIES = {  # category: (typical amount in PLN, the months when it sells best)
    "bikes": (2400.0, (3, 4, 5, 6)), "parts": (90.0, (3, 4, 5, 6, 7, 8, 9)), "apparel": (160.0, (4, 5, 9, 10)),
    "books": (45.0, (11, 12)), "music": (35.0, (11, 12)), "appliances": (420.0, (1, 11, 12)),
}


def _customers(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _season(month: int, peak: tuple[int, ...]) -> float:
    return 3.0 if month in peak else 1.0


def orders(customers: list[dict], rng: random.Random) -> list[dict]:
    rows = []
    days = (END - START).days
    for customer in customers:
        rate = (rng.paretovariate(1.3) - 1.15) * 3.0  # orders a year: heavy-tailed; one in six never buys
        if rate <= 0:
            continue
        favourites = rng.sample(list(CATEGORIES), k=rng.choice((1, 2, 2, 3)))
        discount_taste = rng.betavariate(0.8, 1.5)
        lapse_day = rng.randrange(days) if rng.random() < 0.3 else None  # stops buying here ...
        comeback_day = lapse_day + rng.randrange(200, 500) if lapse_day is not None and rng.random() < 0.3 else None
        count = min(400, max(1, round(rate * days / 365)))
        for _ in range(count):
            day = rng.randrange(days)
            if lapse_day is not None and lapse_day < day and (comeback_day is None or day < comeback_day):
                continue  # ... until it comes back, if it does
            moment = START + dt.timedelta(days=day, seconds=rng.randrange(8 * 3600, 22 * 3600))
            category = rng.choice(favourites) if rng.random() < 0.8 else rng.choice(list(CATEGORIES))
            typical, peak = CATEGORIES[category]
            if rng.random() * 3.0 > _season(moment.month, peak):
                continue  # off season: fewer orders
            discounted = rng.random() < discount_taste
            amount = typical * math.exp(rng.gauss(0.0, 0.6)) * (0.8 if discounted else 1.0)
            rows.append({
                "order_id": 0, "customer_id": int(customer["customer_id"]),
                "ordered_at": moment.isoformat(), "amount": f"{amount:.2f}",
                "category": category, "discounted": "true" if discounted else "false",
            })
    rows.sort(key=lambda r: (r["ordered_at"], r["customer_id"]))
    for number, row in enumerate(rows, start=1):
        row["order_id"] = number
        roll = rng.random()
        if roll < 0.01:
            row["amount"] = ""  # not known (a gift card, a lost receipt)
        elif roll < 0.015:
            row["category"] = ""
        elif roll < 0.018:
            row["ordered_at"] = ""  # an order the till lost the time of
    return rows


def main() -> None:
    here = Path(__file__).resolve().parent
    rows = orders(_customers(here / "bikes.csv"), random.Random(SEED))
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


if __name__ == "__main__":
    main()
