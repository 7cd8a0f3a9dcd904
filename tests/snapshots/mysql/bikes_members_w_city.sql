SELECT
  customer_id
FROM customers
WHERE
  REGEXP_INSTR(city, '(?-i)^W[a-z]+') > 0
  AND NOT (
    LOCATE(CAST('x' AS BINARY), CAST(city AS BINARY)) > 0
  )
  AND CAST(LEFT(city, 1) AS BINARY) = CAST('W' AS BINARY)
