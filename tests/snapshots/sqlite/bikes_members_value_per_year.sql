SELECT
  customer_id
FROM customers
WHERE
  CAST(lifetime_value AS REAL) / NULLIF((
    age - 17
  ), 0) > 40
  AND NOT (
    SEGDSL_LOWER(city) = 'wroclaw'
  )
