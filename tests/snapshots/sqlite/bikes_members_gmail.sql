SELECT
  customer_id
FROM customers
WHERE
  SUBSTRING(CAST(email AS BLOB), -10) = x'40676d61696c2e636f6d'
