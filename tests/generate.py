"""Generated segment files for benchmarks and scale tests."""

from __future__ import annotations

import random


def entity(enums: bool = True) -> str:
    """The customers entity; without enums, sport, level and sex are plain strings."""
    def choice(values: str) -> str:
        return f"enum({values})" if enums else "string"

    return f"""entity customers {{
  key customer_id: int
  sport: {choice('"road", "mountain", "gravel"')}
  level: {choice('"beginner", "amateur", "pro"')}
  sex: {choice('"F", "M"')}
  age: int
  city: string
  email: string
  newsletter: bool
  lifetime_value: float
  signup_date: date
  last_seen: timestamp
}}
"""


ENTITY = entity()

_CONDITIONS = [
    lambda r: f'sport == "{r.choice(["road", "mountain", "gravel"])}"',
    lambda r: f'level in ["{r.choice(["beginner", "amateur"])}", "pro"]',
    lambda r: f"age between {r.randint(16, 40)} and {r.randint(41, 80)}",
    lambda r: f"lifetime_value >= {r.randint(0, 5000)}.{r.randint(0, 99)}",
    lambda r: f'email ends_with "@{r.choice(["gmail.com", "wp.pl", "onet.pl"])}"',
    lambda r: f'city matches "^{r.choice("WKGP")}[a-z]+"',
    lambda r: f"signup_date >= today() - {r.randint(1, 400)} days",
    lambda r: "newsletter",
    lambda r: "email is not null",
    lambda r: f'lower(city) != "{r.choice(["wroclaw", "krakow"])}"',
    lambda r: f"lifetime_value / (age - 15) > {r.randint(1, 90)}",
]


def segment_file(count: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    lines = [ENTITY]
    for i in range(count):
        parts = [rng.choice(_CONDITIONS)(rng) for _ in range(rng.randint(2, 4))]
        joiner = rng.choice([" and ", " and ", " or "])
        body = joiner.join(parts)
        if i and rng.random() < 0.1:
            body = f"(s{rng.randrange(i)} or {parts[0]}) and not ({parts[-1]})"
        lines.append(f"segment s{i}: {body}")
    return "\n".join(lines) + "\n"
