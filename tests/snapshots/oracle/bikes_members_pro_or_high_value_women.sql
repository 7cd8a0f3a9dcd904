SELECT
  customer_id
FROM customers
WHERE
  (
    (
      sport = 'road' AND "LEVEL" = 'pro'
    )
    OR (
      lifetime_value >= 1000 OR "LEVEL" = 'pro' AND lifetime_value >= 500.5
    )
  )
  AND sex = 'F'
