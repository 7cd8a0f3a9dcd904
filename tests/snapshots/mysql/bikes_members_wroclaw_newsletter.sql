SELECT
  customer_id
FROM customers
WHERE
  CAST(city AS BINARY) IN (CAST('Wrocław' AS BINARY), CAST('Wroclaw' AS BINARY))
  AND newsletter
