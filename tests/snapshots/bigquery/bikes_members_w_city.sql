SELECT
  customer_id
FROM customers
WHERE
  REGEXP_CONTAINS(city, '^W[a-z]+')
  AND NOT (
    INSTR(city, 'x') > 0
  )
  AND LEFT(city, 1) = 'W'
