SELECT
  customer_id
FROM customers
WHERE
  LENGTH(email) >= 10 AND SUBSTR(email, -10) = '@gmail.com'
