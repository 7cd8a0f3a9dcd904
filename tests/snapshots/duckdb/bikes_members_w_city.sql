SELECT
  customer_id
FROM customers
WHERE
  REGEXP_MATCHES(city, '^W[a-z]+')
  AND NOT (
    STRPOS(city, 'x') > 0
  )
  AND LEFT(city, 1) = 'W'
