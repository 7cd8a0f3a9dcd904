SELECT
  customer_id
FROM customers
WHERE
  NOT (
    sport IN ('gravel')
  )
