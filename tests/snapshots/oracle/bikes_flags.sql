SELECT
  customer_id,
  CASE WHEN sport = 'road' AND "LEVEL" = 'amateur' AND sex = 'F' THEN 1 ELSE 0 END AS amateur_women_road,
  CASE WHEN sport = 'road' AND "LEVEL" = 'pro' THEN 1 ELSE 0 END AS road_pros,
  CASE WHEN sport = 'mountain' AND age BETWEEN 18 AND 29 THEN 1 ELSE 0 END AS young_mountain,
  CASE WHEN city IN ('Wrocław', 'Wroclaw') AND newsletter = 1 THEN 1 ELSE 0 END AS wroclaw_newsletter,
  CASE WHEN NOT (
    sport IN ('gravel')
  ) THEN 1 ELSE 0 END AS not_gravel,
  CASE
    WHEN lifetime_value >= 1000 OR "LEVEL" = 'pro' AND lifetime_value >= 500.5
    THEN 1
    ELSE 0
  END AS high_value,
  CASE
    WHEN LENGTH(email) >= 10 AND SUBSTR(email, -10) = '@gmail.com'
    THEN 1
    ELSE 0
  END AS gmail,
  CASE
    WHEN REGEXP_LIKE(city, '^W[a-z]+', 'c')
    AND NOT (
      INSTR(city, 'x') > 0
    )
    AND SUBSTR(city, 1, 1) = 'W'
    THEN 1
    ELSE 0
  END AS w_city,
  CASE WHEN email IS NULL THEN 1 ELSE 0 END AS no_email,
  CASE WHEN NOT email IS NULL THEN 1 ELSE 0 END AS has_email,
  CASE WHEN signup_date >= TO_DATE('2026-10-02', 'YYYY-MM-DD') THEN 1 ELSE 0 END AS recent_signups,
  CASE
    WHEN last_seen < TO_TIMESTAMP('2026-05-03 00:00:00', 'YYYY-MM-DD HH24:MI:SS')
    AND signup_date < TO_DATE('2024-06-01', 'YYYY-MM-DD')
    THEN 1
    ELSE 0
  END AS lapsed,
  CASE
    WHEN CAST(lifetime_value AS DOUBLE PRECISION) / NULLIF((
      age - 17
    ), 0) > 40
    AND NOT (
      LOWER(city) = 'wroclaw'
    )
    THEN 1
    ELSE 0
  END AS value_per_year,
  CASE
    WHEN (
      (
        sport = 'road' AND "LEVEL" = 'pro'
      )
      OR (
        lifetime_value >= 1000 OR "LEVEL" = 'pro' AND lifetime_value >= 500.5
      )
    )
    AND sex = 'F'
    THEN 1
    ELSE 0
  END AS pro_or_high_value_women
FROM customers
