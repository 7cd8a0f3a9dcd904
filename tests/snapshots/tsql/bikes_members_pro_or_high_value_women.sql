SELECT
  customer_id
FROM customers
WHERE
  (
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
