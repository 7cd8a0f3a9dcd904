SELECT
  customer_id
FROM customers
WHERE
  CAST(lifetime_value AS FLOAT) / NULLIF((
    age - 17
  ), 0) > 40
  AND NOT (
    LOWER(city) COLLATE Latin1_General_100_BIN2 = N'wroclaw'
    AND LEN(LOWER(city) + '.') = LEN(N'wroclaw' + '.')
  )
