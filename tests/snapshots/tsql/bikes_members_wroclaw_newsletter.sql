SELECT
  customer_id
FROM customers
WHERE
  (
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
