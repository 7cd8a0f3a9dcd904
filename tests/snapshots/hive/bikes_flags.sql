SELECT
  customer_id,
  CASE
    WHEN sport = 'road' AND `level` = 'amateur' AND sex = 'F'
    THEN TRUE
    ELSE FALSE
  END AS amateur_women_road,
  CASE WHEN sport = 'road' AND `level` = 'pro' THEN TRUE ELSE FALSE END AS road_pros,
  CASE WHEN sport = 'mountain' AND age BETWEEN 18 AND 29 THEN TRUE ELSE FALSE END AS young_mountain,
  CASE WHEN city IN ('Wrocław', 'Wroclaw') AND newsletter THEN TRUE ELSE FALSE END AS wroclaw_newsletter,
  CASE WHEN NOT (
    sport IN ('gravel')
  ) THEN TRUE ELSE FALSE END AS not_gravel,
  CASE
    WHEN lifetime_value >= 1000 OR `level` = 'pro' AND lifetime_value >= 500.5
    THEN TRUE
    ELSE FALSE
  END AS high_value,
  CASE
    WHEN SUBSTRING(email, LENGTH(email) - (
      10 - 1
    )) = '@gmail.com'
    THEN TRUE
    ELSE FALSE
  END AS gmail,
  CASE
    WHEN city RLIKE '^W[a-z]+'
    AND NOT (
      LOCATE('x', city) > 0
    )
    AND SUBSTRING(city, 1, 1) = 'W'
    THEN TRUE
    ELSE FALSE
  END AS w_city,
  CASE WHEN email IS NULL THEN TRUE ELSE FALSE END AS no_email,
  CASE WHEN NOT email IS NULL THEN TRUE ELSE FALSE END AS has_email,
  CASE WHEN signup_date >= CAST('2026-10-02' AS DATE) THEN TRUE ELSE FALSE END AS recent_signups,
  CASE
    WHEN last_seen < CAST('2026-05-03 00:00:00' AS TIMESTAMP)
    AND signup_date < CAST('2024-06-01' AS DATE)
    THEN TRUE
    ELSE FALSE
  END AS lapsed,
  CASE
    WHEN CAST(lifetime_value AS DOUBLE) / NULLIF((
      age - 17
    ), 0) > 40
    AND NOT (
      LOWER(REPLACE(city, 'İ', 'I')) = 'wroclaw'
    )
    THEN TRUE
    ELSE FALSE
  END AS value_per_year,
  CASE
    WHEN (
      (
        sport = 'road' AND `level` = 'pro'
      )
      OR (
        lifetime_value >= 1000 OR `level` = 'pro' AND lifetime_value >= 500.5
      )
    )
    AND sex = 'F'
    THEN TRUE
    ELSE FALSE
  END AS pro_or_high_value_women
FROM customers
