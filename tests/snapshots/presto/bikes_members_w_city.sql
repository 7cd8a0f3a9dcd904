SELECT
  customer_id
FROM customers
WHERE
  REGEXP_LIKE(city, '^W[a-z]+')
  AND NOT (
    STRPOS(city, 'x') > 0
  )
  AND SUBSTR(city, 1, 1) = 'W'
