SELECT
  id,
  CASE
    WHEN "order" > 1 AND "CamelCase" = 'it''s "quoted" back\slash \n Łódź ☃ 100%_off'
    THEN TRUE
    ELSE FALSE
  END AS "select",
  CASE
    WHEN STRPOS(note, '50%_off') > 0
    OR SUBSTR(note, 1, 3) = 'a''b'
    OR SUBSTR(note, -1) = '\'
    THEN TRUE
    ELSE FALSE
  END AS plain
FROM analytics.customers;

SELECT
  id
FROM analytics.customers
WHERE
  "order" > 1 AND "CamelCase" = 'it''s "quoted" back\slash \n Łódź ☃ 100%_off';
