SELECT
  customer_id,
  CASE
    WHEN (
      sport COLLATE Latin1_General_100_BIN2 = 'road'
      AND LEN(sport + '.') = LEN('road' + '.')
    )
    AND (
      [level] COLLATE Latin1_General_100_BIN2 = 'amateur'
      AND LEN([level] + '.') = LEN('amateur' + '.')
    )
    AND (
      sex COLLATE Latin1_General_100_BIN2 = 'F' AND LEN(sex + '.') = LEN('F' + '.')
    )
    THEN 1
    ELSE 0
  END AS amateur_women_road,
  CASE
    WHEN (
      sport COLLATE Latin1_General_100_BIN2 = 'road'
      AND LEN(sport + '.') = LEN('road' + '.')
    )
    AND (
      [level] COLLATE Latin1_General_100_BIN2 = 'pro'
      AND LEN([level] + '.') = LEN('pro' + '.')
    )
    THEN 1
    ELSE 0
  END AS road_pros,
  CASE
    WHEN (
      sport COLLATE Latin1_General_100_BIN2 = 'mountain'
      AND LEN(sport + '.') = LEN('mountain' + '.')
    )
    AND age BETWEEN 18 AND 29
    THEN 1
    ELSE 0
  END AS young_mountain,
  CASE
    WHEN (
      (
        city COLLATE Latin1_General_100_BIN2 = 'Wrocław'
        AND LEN(city + '.') = LEN('Wrocław' + '.')
      )
      OR (
        city COLLATE Latin1_General_100_BIN2 = 'Wroclaw'
        AND LEN(city + '.') = LEN('Wroclaw' + '.')
      )
    )
    AND newsletter = 1
    THEN 1
    ELSE 0
  END AS wroclaw_newsletter,
  CASE
    WHEN NOT (
      sport COLLATE Latin1_General_100_BIN2 = 'gravel'
      AND LEN(sport + '.') = LEN('gravel' + '.')
    )
    THEN 1
    ELSE 0
  END AS not_gravel,
  CASE
    WHEN lifetime_value >= 1000
    OR (
      (
        [level] COLLATE Latin1_General_100_BIN2 = 'pro'
        AND LEN([level] + '.') = LEN('pro' + '.')
      )
      AND lifetime_value >= 500.5
    )
    THEN 1
    ELSE 0
  END AS high_value,
  CASE
    WHEN RIGHT(email, 10) COLLATE Latin1_General_100_BIN2 = '@gmail.com'
    AND LEN(RIGHT(email, 10) + '.') = LEN('@gmail.com' + '.')
    THEN 1
    ELSE 0
  END AS gmail,
  CASE
    WHEN REGEXP_LIKE(city, '^W[a-z]+', 'c')
    AND NOT (
      CHARINDEX('x' COLLATE Latin1_General_100_BIN2, city) > 0
    )
    AND (
      LEFT(city, 1) COLLATE Latin1_General_100_BIN2 = 'W'
      AND LEN(LEFT(city, 1) + '.') = LEN('W' + '.')
    )
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
      LOWER(city) COLLATE Latin1_General_100_BIN2 = 'wroclaw'
      AND LEN(LOWER(city) + '.') = LEN('wroclaw' + '.')
    )
    THEN 1
    ELSE 0
  END AS value_per_year,
  CASE
    WHEN (
      (
        (
          sport COLLATE Latin1_General_100_BIN2 = 'road'
          AND LEN(sport + '.') = LEN('road' + '.')
        )
        AND (
          [level] COLLATE Latin1_General_100_BIN2 = 'pro'
          AND LEN([level] + '.') = LEN('pro' + '.')
        )
      )
      OR (
        lifetime_value >= 1000
        OR (
          (
            [level] COLLATE Latin1_General_100_BIN2 = 'pro'
            AND LEN([level] + '.') = LEN('pro' + '.')
          )
          AND lifetime_value >= 500.5
        )
      )
    )
    AND (
      sex COLLATE Latin1_General_100_BIN2 = 'F' AND LEN(sex + '.') = LEN('F' + '.')
    )
    THEN 1
    ELSE 0
  END AS pro_or_high_value_women
FROM customers
