SELECT
  customer_id
FROM customers
WHERE
  RIGHT(email, 10) COLLATE Latin1_General_100_BIN2 = N'@gmail.com'
  AND LEN(RIGHT(email, 10) + '.') = LEN(N'@gmail.com' + '.')
