SELECT
  customer_id,
  CASE
    WHEN CAST(sport AS BINARY) = CAST('road' AS BINARY)
    AND CAST(`level` AS BINARY) = CAST('amateur' AS BINARY)
    AND CAST(sex AS BINARY) = CAST('F' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS amateur_women_road,
  CASE
    WHEN CAST(sport AS BINARY) = CAST('road' AS BINARY)
    AND CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS road_pros,
  CASE
    WHEN CAST(sport AS BINARY) = CAST('mountain' AS BINARY) AND age BETWEEN 18 AND 29
    THEN TRUE
    ELSE FALSE
  END AS young_mountain,
  CASE
    WHEN CAST(city AS BINARY) IN (CAST('Wrocław' AS BINARY), CAST('Wroclaw' AS BINARY))
    AND newsletter
    THEN TRUE
    ELSE FALSE
  END AS wroclaw_newsletter,
  CASE
    WHEN NOT (
      CAST(sport AS BINARY) IN (CAST('gravel' AS BINARY))
    )
    THEN TRUE
    ELSE FALSE
  END AS not_gravel,
  CASE
    WHEN lifetime_value >= 1000
    OR CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
    AND lifetime_value >= 500.5
    THEN TRUE
    ELSE FALSE
  END AS high_value,
  CASE
    WHEN CAST(RIGHT(email, 10) AS BINARY) = CAST('@gmail.com' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS gmail,
  CASE
    WHEN REGEXP_INSTR(city, '(?-i)^W[a-z]+') > 0
    AND NOT (
      LOCATE(CAST('x' AS BINARY), CAST(city AS BINARY)) > 0
    )
    AND CAST(LEFT(city, 1) AS BINARY) = CAST('W' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS w_city,
  CASE WHEN email IS NULL THEN TRUE ELSE FALSE END AS no_email,
  CASE WHEN NOT email IS NULL THEN TRUE ELSE FALSE END AS has_email,
  CASE WHEN signup_date >= CAST('2026-10-02' AS DATE) THEN TRUE ELSE FALSE END AS recent_signups,
  CASE
    WHEN last_seen < CAST('2026-05-03 00:00:00' AS DATETIME)
    AND signup_date < CAST('2024-06-01' AS DATE)
    THEN TRUE
    ELSE FALSE
  END AS lapsed,
  CASE
    WHEN CAST(lifetime_value AS DOUBLE) / NULLIF((
      age - 17
    ), 0) > 40
    AND NOT (
      CAST(LOWER(city) AS BINARY) = CAST('wroclaw' AS BINARY)
    )
    THEN TRUE
    ELSE FALSE
  END AS value_per_year,
  CASE
    WHEN (
      (
        CAST(sport AS BINARY) = CAST('road' AS BINARY)
        AND CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
      )
      OR (
        lifetime_value >= 1000
        OR CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
        AND lifetime_value >= 500.5
      )
    )
    AND CAST(sex AS BINARY) = CAST('F' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS pro_or_high_value_women
FROM customers
