SELECT
  customer_id
FROM customers
WHERE
  SUBSTRING(email, -10) = '@gmail.com'
