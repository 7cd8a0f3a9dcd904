SELECT
  customer_id
FROM customers
WHERE
  REGEXP_INSTR(city, '^W[a-z]+', 1, 1, 0, 'c') > 0
  AND NOT (
    CHARINDEX('x', city) > 0
  )
  AND LEFT(city, 1) = 'W'
