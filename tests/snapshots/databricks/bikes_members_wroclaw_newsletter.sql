SELECT
  customer_id
FROM customers
WHERE
  city IN ('Wrocław', 'Wroclaw') AND newsletter
