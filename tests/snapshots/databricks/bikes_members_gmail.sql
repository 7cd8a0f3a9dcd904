SELECT
  customer_id
FROM customers
WHERE
  RIGHT(email, 10) = '@gmail.com'
