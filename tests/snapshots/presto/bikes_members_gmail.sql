SELECT
  customer_id
FROM customers
WHERE
  SUBSTR(email, -10) = '@gmail.com'
