SELECT
  customer_id
FROM customers
WHERE
  LENGTH(CAST(email AS BLOB)) >= 10
  AND SUBSTRING(CAST(email AS BLOB), -10) = x'40676d61696c2e636f6d'
