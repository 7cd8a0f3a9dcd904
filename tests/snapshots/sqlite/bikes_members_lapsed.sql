SELECT
  customer_id
FROM customers
WHERE
  last_seen < DATETIME('2026-05-03 00:00:00') AND signup_date < DATE('2024-06-01')
