SELECT
  id,
  CASE
    WHEN [order] > 1
    AND [CamelCase] COLLATE Latin1_General_100_BIN2 = N'it''s "quoted" back\slash \n Łódź ☃ 100%_off'
    AND LEN([CamelCase] + '.') = LEN(N'it''s "quoted" back\slash \n Łódź ☃ 100%_off' + '.')
    THEN 1
    ELSE 0
  END AS [select],
  CASE
    WHEN CHARINDEX(N'50%_off' COLLATE Latin1_General_100_BIN2, note) > 0
    OR LEFT(note, 3) COLLATE Latin1_General_100_BIN2 = N'a''b'
    AND LEN(LEFT(note, 3) + '.') = LEN(N'a''b' + '.')
    OR RIGHT(note, 1) COLLATE Latin1_General_100_BIN2 = N'\'
    AND LEN(RIGHT(note, 1) + '.') = LEN(N'\' + '.')
    THEN 1
    ELSE 0
  END AS plain
FROM analytics.customers;

SELECT
  id
FROM analytics.customers
WHERE
  [order] > 1
  AND [CamelCase] COLLATE Latin1_General_100_BIN2 = N'it''s "quoted" back\slash \n Łódź ☃ 100%_off'
  AND LEN([CamelCase] + '.') = LEN(N'it''s "quoted" back\slash \n Łódź ☃ 100%_off' + '.');
