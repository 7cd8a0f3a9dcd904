SELECT
  customer_id
FROM customers
WHERE
  SEGDSL_REGEXP('^W[a-z]+', city)
  AND NOT (
    INSTR(city, 'x') > 0
  )
  AND SUBSTRING(city, 1, 1) = 'W'
