SELECT
  customer_id
FROM customers
WHERE
  NOT (
    sport COLLATE Latin1_General_100_BIN2 = N'gravel'
    AND LEN(sport + '.') = LEN(N'gravel' + '.')
  )
