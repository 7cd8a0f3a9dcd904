SELECT
  customer_id
FROM customers
WHERE
  city ~ '^W[a-z]+' AND NOT (
    POSITION('x' IN city) > 0
  ) AND LEFT(city, 1) = 'W'
