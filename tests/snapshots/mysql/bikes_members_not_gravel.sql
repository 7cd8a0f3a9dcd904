SELECT
  customer_id
FROM customers
WHERE
  NOT (
    CAST(sport AS BINARY) IN (CAST('gravel' AS BINARY))
  )
