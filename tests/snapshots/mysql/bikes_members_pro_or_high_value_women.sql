SELECT
  customer_id
FROM customers
WHERE
  (
    (
      CAST(sport AS BINARY) = CAST('road' AS BINARY)
      AND CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
    )
    OR (
      lifetime_value >= 1000
      OR CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
      AND lifetime_value >= 500.5
    )
  )
  AND CAST(sex AS BINARY) = CAST('F' AS BINARY)
