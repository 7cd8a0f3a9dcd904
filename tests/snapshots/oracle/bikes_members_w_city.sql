SELECT
  customer_id
FROM customers
WHERE
  REGEXP_LIKE(city, '^W[a-z]+', 'c')
  AND NOT (
    INSTR(city, 'x') > 0
  )
  AND SUBSTR(city, 1, 1) = 'W'
