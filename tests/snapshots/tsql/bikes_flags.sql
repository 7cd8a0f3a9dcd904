SELECT
  customer_id,
  CASE
    WHEN sport COLLATE Latin1_General_100_BIN2 = N'road'
    AND LEN(sport + '.') = LEN(N'road' + '.')
    AND [level] COLLATE Latin1_General_100_BIN2 = N'amateur'
    AND LEN([level] + '.') = LEN(N'amateur' + '.')
    AND sex COLLATE Latin1_General_100_BIN2 = N'F'
    AND LEN(sex + '.') = LEN(N'F' + '.')
    THEN 1
    ELSE 0
  END AS amateur_women_road,
  CASE
    WHEN sport COLLATE Latin1_General_100_BIN2 = N'road'
    AND LEN(sport + '.') = LEN(N'road' + '.')
    AND [level] COLLATE Latin1_General_100_BIN2 = N'pro'
    AND LEN([level] + '.') = LEN(N'pro' + '.')
    THEN 1
    ELSE 0
  END AS road_pros,
  CASE
    WHEN sport COLLATE Latin1_General_100_BIN2 = N'mountain'
    AND LEN(sport + '.') = LEN(N'mountain' + '.')
    AND age BETWEEN 18 AND 29
    THEN 1
    ELSE 0
  END AS young_mountain,
  CASE
    WHEN (
      (
        city COLLATE Latin1_General_100_BIN2 = N'Wrocław'
        AND LEN(city + '.') = LEN(N'Wrocław' + '.')
      )
      OR (
        city COLLATE Latin1_General_100_BIN2 = N'Wroclaw'
        AND LEN(city + '.') = LEN(N'Wroclaw' + '.')
      )
    )
    AND newsletter = 1
    THEN 1
    ELSE 0
  END AS wroclaw_newsletter,
  CASE
    WHEN NOT (
      sport COLLATE Latin1_General_100_BIN2 = N'gravel'
      AND LEN(sport + '.') = LEN(N'gravel' + '.')
    )
    THEN 1
    ELSE 0
  END AS not_gravel,
  CASE
    WHEN lifetime_value >= 1000
    OR [level] COLLATE Latin1_General_100_BIN2 = N'pro'
    AND LEN([level] + '.') = LEN(N'pro' + '.')
    AND lifetime_value >= 500.5
    THEN 1
    ELSE 0
  END AS high_value,
  CASE
    WHEN RIGHT(email, 10) COLLATE Latin1_General_100_BIN2 = N'@gmail.com'
    AND LEN(RIGHT(email, 10) + '.') = LEN(N'@gmail.com' + '.')
    THEN 1
    ELSE 0
  END AS gmail,
  CASE
    WHEN REGEXP_LIKE(city, N'^W[a-z]+', 'c')
    AND NOT (
      CHARINDEX(N'x' COLLATE Latin1_General_100_BIN2, city) > 0
    )
    AND LEFT(city, 1) COLLATE Latin1_General_100_BIN2 = N'W'
    AND LEN(LEFT(city, 1) + '.') = LEN(N'W' + '.')
    THEN 1
    ELSE 0
  END AS w_city,
  CASE WHEN email IS NULL THEN 1 ELSE 0 END AS no_email,
  CASE WHEN NOT email IS NULL THEN 1 ELSE 0 END AS has_email,
  CASE WHEN signup_date >= CAST('2026-10-02' AS DATE) THEN 1 ELSE 0 END AS recent_signups,
  CASE
    WHEN last_seen < CAST('2026-05-03 00:00:00' AS DATETIME2)
    AND signup_date < CAST('2024-06-01' AS DATE)
    THEN 1
    ELSE 0
  END AS lapsed,
  CASE
    WHEN CAST(lifetime_value AS FLOAT) / NULLIF((
      age - 17
    ), 0) > 40
    AND NOT (
      LOWER(city) COLLATE Latin1_General_100_BIN2 = N'wroclaw'
      AND LEN(LOWER(city) + '.') = LEN(N'wroclaw' + '.')
    )
    THEN 1
    ELSE 0
  END AS value_per_year,
  CASE
    WHEN (
      (
        sport COLLATE Latin1_General_100_BIN2 = N'road'
        AND LEN(sport + '.') = LEN(N'road' + '.')
        AND [level] COLLATE Latin1_General_100_BIN2 = N'pro'
        AND LEN([level] + '.') = LEN(N'pro' + '.')
      )
      OR (
        lifetime_value >= 1000
        OR [level] COLLATE Latin1_General_100_BIN2 = N'pro'
        AND LEN([level] + '.') = LEN(N'pro' + '.')
        AND lifetime_value >= 500.5
      )
    )
    AND sex COLLATE Latin1_General_100_BIN2 = N'F'
    AND LEN(sex + '.') = LEN(N'F' + '.')
    THEN 1
    ELSE 0
  END AS pro_or_high_value_women
FROM customers
