SELECT
  customer_id
FROM customers
WHERE
  REGEXP_LIKE(city, '^W[a-z]+')
  AND NOT (
    LOCATE('x', city) > 0
  )
  AND LEFT(city, 1) = 'W'
