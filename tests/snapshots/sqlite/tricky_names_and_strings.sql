SELECT
  id,
  CASE
    WHEN "order" > 1 AND "CamelCase" = 'it''s "quoted" back\slash \n Łódź ☃ 100%_off'
    THEN TRUE
    ELSE FALSE
  END AS "select",
  CASE
    WHEN INSTR(CAST(note AS BLOB), x'3530255f6f6666') > 0
    OR LENGTH(CAST(note AS BLOB)) >= 3
    AND SUBSTRING(CAST(note AS BLOB), 1, 3) = x'612762'
    OR LENGTH(CAST(note AS BLOB)) >= 1
    AND SUBSTRING(CAST(note AS BLOB), -1) = x'5c'
    THEN TRUE
    ELSE FALSE
  END AS plain
FROM analytics.customers;

SELECT
  id
FROM analytics.customers
WHERE
  "order" > 1 AND "CamelCase" = 'it''s "quoted" back\slash \n Łódź ☃ 100%_off';
