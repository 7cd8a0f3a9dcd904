SELECT
  customer_id
FROM customers
WHERE
  SUBSTRING(email, LENGTH(email) - (
    10 - 1
  )) = '@gmail.com'
