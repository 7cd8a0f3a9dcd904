SELECT
  customer_id
FROM customers
WHERE
  last_seen < TO_TIMESTAMP('2026-05-03 00:00:00', 'YYYY-MM-DD HH24:MI:SS')
  AND signup_date < TO_DATE('2024-06-01', 'YYYY-MM-DD')
