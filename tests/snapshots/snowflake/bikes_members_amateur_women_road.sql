SELECT
  customer_id
FROM customers
WHERE
  sport = 'road' AND "LEVEL" = 'amateur' AND sex = 'F'
