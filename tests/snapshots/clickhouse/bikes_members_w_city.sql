SELECT
  customer_id
FROM customers
WHERE
  match(city, '^W[a-z]+')
  AND NOT (
    POSITION(city, 'x') > 0
  )
  AND leftUTF8(city, 1) = 'W'
