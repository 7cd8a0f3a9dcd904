SELECT
  id,
  CASE
    WHEN `order` > 1 AND `CamelCase` = 'it\'s "quoted" back\\slash \\n Łódź ☃ 100%_off'
    THEN TRUE
    ELSE FALSE
  END AS `select`,
  CASE
    WHEN LOCATE('50%_off', note) > 0 OR LEFT(note, 3) = 'a\'b' OR RIGHT(note, 1) = '\\'
    THEN TRUE
    ELSE FALSE
  END AS plain
FROM analytics.customers;

SELECT
  id
FROM analytics.customers
WHERE
  `order` > 1 AND `CamelCase` = 'it\'s "quoted" back\\slash \\n Łódź ☃ 100%_off';
