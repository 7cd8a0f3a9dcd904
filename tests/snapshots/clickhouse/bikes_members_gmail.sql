SELECT
  customer_id
FROM customers
WHERE
  rightUTF8(email, 10) = '@gmail.com'
