SELECT
  customer_id
FROM customers
WHERE
  (
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
