SELECT
  customer_id
FROM customers
WHERE
  CAST(lifetime_value AS Nullable(Float64)) / nullIf((
    toInt128(age) - 17
  ), 0) > 40
  AND NOT (
    lowerUTF8(replaceAll(city, 'İ', 'I')) = 'wroclaw'
  )
