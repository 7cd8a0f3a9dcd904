SELECT
  customer_id
FROM customers
WHERE
  SEGDSL_REGEXP('^W[a-z]+', city)
  AND NOT (
    INSTR(CAST(city AS BLOB), x'78') > 0
  )
  AND LENGTH(CAST(city AS BLOB)) >= 1
  AND SUBSTRING(CAST(city AS BLOB), 1, 1) = x'57'
