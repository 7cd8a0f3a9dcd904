SELECT
  customer_id
FROM customers
WHERE
  last_seen < CAST('2026-05-03 00:00:00' AS TIMESTAMP)
  AND signup_date < CAST('2024-06-01' AS DATE)
