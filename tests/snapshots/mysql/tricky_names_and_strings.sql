SELECT
  id,
  CASE
    WHEN `order` > 1
    AND CAST(`CamelCase` AS BINARY) = CAST('it''s "quoted" back\\slash \\n Łódź ☃ 100%_off' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS `select`,
  CASE
    WHEN LOCATE(CAST('50%_off' AS BINARY), CAST(note AS BINARY)) > 0
    OR CAST(LEFT(note, 3) AS BINARY) = CAST('a''b' AS BINARY)
    OR CAST(RIGHT(note, 1) AS BINARY) = CAST('\\' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS plain
FROM analytics.customers;

SELECT
  id
FROM analytics.customers
WHERE
  `order` > 1
  AND CAST(`CamelCase` AS BINARY) = CAST('it''s "quoted" back\\slash \\n Łódź ☃ 100%_off' AS BINARY);
