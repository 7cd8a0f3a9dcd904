SELECT
  customer_id
FROM customers
WHERE
  (
    sport COLLATE Latin1_General_100_BIN2 = 'road'
    AND LEN(sport + '.') = LEN('road' + '.')
  )
  AND (
    [level] COLLATE Latin1_General_100_BIN2 = 'amateur'
    AND LEN([level] + '.') = LEN('amateur' + '.')
  )
  AND (
    sex COLLATE Latin1_General_100_BIN2 = 'F' AND LEN(sex + '.') = LEN('F' + '.')
  )
