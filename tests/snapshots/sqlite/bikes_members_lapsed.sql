SELECT
  customer_id
FROM customers
WHERE
  last_seen < '2026-05-03 00:00:00' AND signup_date < '2024-06-01'
