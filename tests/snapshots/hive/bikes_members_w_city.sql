SELECT
  customer_id
FROM customers
WHERE
  city RLIKE '^W[a-z]+'
  AND NOT (
    LOCATE('x', city) > 0
  )
  AND SUBSTRING(city, 1, 1) = 'W'
