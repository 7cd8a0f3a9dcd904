SELECT
  customer_id
FROM customers
WHERE
  sport = 'road' AND `level` = 'amateur' AND sex = 'F'
