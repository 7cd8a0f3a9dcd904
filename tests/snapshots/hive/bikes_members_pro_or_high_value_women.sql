SELECT
  customer_id
FROM customers
WHERE
  (
    (
      sport = 'road' AND `level` = 'pro'
    )
    OR (
      lifetime_value >= 1000 OR `level` = 'pro' AND lifetime_value >= 500.5
    )
  )
  AND sex = 'F'
