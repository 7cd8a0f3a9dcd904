SELECT
  id,
  CASE
    WHEN "ORDER" > 1 AND "CamelCase" = 'it''s "quoted" back\slash \n Łódź ☃ 100%_off'
    THEN 1
    ELSE 0
  END AS "SELECT",
  CASE
    WHEN INSTR(note, '50%_off') > 0
    OR SUBSTR(note, 1, 3) = 'a''b'
    OR LENGTH(note) >= 1
    AND SUBSTR(note, -1) = '\'
    THEN 1
    ELSE 0
  END AS plain
FROM analytics.customers;

SELECT
  id
FROM analytics.customers
WHERE
  "ORDER" > 1 AND "CamelCase" = 'it''s "quoted" back\slash \n Łódź ☃ 100%_off';
