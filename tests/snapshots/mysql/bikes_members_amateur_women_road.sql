SELECT
  customer_id
FROM customers
WHERE
  CAST(sport AS BINARY) = CAST('road' AS BINARY)
  AND CAST(`level` AS BINARY) = CAST('amateur' AS BINARY)
  AND CAST(sex AS BINARY) = CAST('F' AS BINARY)
