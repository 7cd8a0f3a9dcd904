SELECT
  customer_id
FROM customers
WHERE
  sport COLLATE Latin1_General_100_BIN2 = N'road'
  AND LEN(sport + '.') = LEN(N'road' + '.')
  AND [level] COLLATE Latin1_General_100_BIN2 = N'amateur'
  AND LEN([level] + '.') = LEN(N'amateur' + '.')
  AND sex COLLATE Latin1_General_100_BIN2 = N'F'
  AND LEN(sex + '.') = LEN(N'F' + '.')
