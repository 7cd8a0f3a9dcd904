SELECT
  customer_id
FROM customers
WHERE
  (
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
