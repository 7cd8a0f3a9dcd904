SELECT
  customer_id
FROM customers
WHERE
  REGEXP_LIKE(city, N'^W[a-z]+', 'c')
  AND NOT (
    CHARINDEX(N'x' COLLATE Latin1_General_100_BIN2, city) > 0
  )
  AND LEFT(city, 1) COLLATE Latin1_General_100_BIN2 = N'W'
  AND LEN(LEFT(city, 1) + '.') = LEN(N'W' + '.')
