SELECT
  customer_id
FROM customers
WHERE
  CAST(lifetime_value AS DOUBLE) / NULLIF((
    age - 17
  ), 0) > 40
  AND NOT (
    LOWER(REPLACE(city, 'İ', 'I')) = 'wroclaw'
  )
