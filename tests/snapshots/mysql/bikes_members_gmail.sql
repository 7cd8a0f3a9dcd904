SELECT
  customer_id
FROM customers
WHERE
  CAST(RIGHT(email, 10) AS BINARY) = CAST('@gmail.com' AS BINARY)
