-- eq_text
SELECT id FROM people WHERE name = 'road';

-- neq_text
SELECT id FROM people WHERE NOT (name = 'road');

-- in_text
SELECT id FROM people WHERE name IN ('road', 'ROAD');

-- not_in_text
SELECT id FROM people WHERE NOT (name IN ('road'));

-- between_text
SELECT id FROM people WHERE name BETWEEN 'a' AND 'm';

-- lt_text
SELECT id FROM people WHERE name < 'm';

-- contains_wild
SELECT id FROM people WHERE STRPOS(name, '50%_off') > 0;

-- starts
SELECT id FROM people WHERE SUBSTR(name, 1, 2) = 'Ro';

-- ends_space
SELECT id FROM people WHERE SUBSTR(name, -2) = 'd ';

-- contains_space
SELECT id FROM people WHERE STRPOS(name, 'd ') > 0;

-- regex_dot_end
SELECT id FROM people WHERE REGEXP_LIKE(name, '^a[^\n]c\z');

-- iregex
SELECT id FROM people WHERE REGEXP_LIKE(name, '(?i)road');

-- regex_classes
SELECT id FROM people WHERE REGEXP_LIKE(name, '[0-9]{2}[\t\n\v\f\r ][0-9A-Za-z_]+');

-- lower_eq
SELECT id FROM people WHERE LOWER(name) = 'łódź';

-- upper_eq
SELECT id FROM people WHERE UPPER(name) = 'ŁÓDŹ';

-- length_eq
SELECT id FROM people WHERE LENGTH(name) = 4;

-- int_div
SELECT id FROM people WHERE CAST(n AS DOUBLE) / NULLIF(2, 0) > 1;

-- div_zero
SELECT id FROM people WHERE CAST(x AS DOUBLE) / NULLIF((n - n), 0) > 1;

-- round_half
SELECT id FROM people WHERE CASE WHEN ABS(x) < 9007199254740992 THEN CAST(ROUND(CAST(CAST(x AS VARCHAR) AS DECIMAL(38, 22)), 0) AS DOUBLE) ELSE x END = 3;

-- round_digits
SELECT id FROM people WHERE CASE WHEN ABS(x) < 9007199254740992 THEN CAST(ROUND(CAST(CAST(x AS VARCHAR) AS DECIMAL(38, 22)), 1) AS DOUBLE) ELSE x END = 2.5;

-- abs_neg
SELECT id FROM people WHERE ABS(-n) > 2;

-- coalesce_text
SELECT id FROM people WHERE COALESCE(note, 'none') = 'none';

-- bool_col
SELECT id FROM people WHERE flag;

-- not_bool
SELECT id FROM people WHERE NOT flag;

-- bool_false
SELECT id FROM people WHERE flag = FALSE;

-- bool_cmp
SELECT id FROM people WHERE (n > 1 AND flag) OR (NOT (n > 1) AND NOT flag);

-- date_today
SELECT id FROM people WHERE d >= CAST('2026-10-01' AS DATE);

-- date_col_shift_days
SELECT id FROM people WHERE CASE WHEN d <= CAST('9999-12-21' AS DATE) THEN DATE_ADD('DAY', 10, d) END <= CAST('2026-11-01' AS DATE);

-- date_col_shift_month
SELECT id FROM people WHERE CASE WHEN d <= CAST('9999-11-30' AS DATE) THEN DATE_ADD('MONTH', 1, d) END <= CAST('2026-11-01' AS DATE);

-- ts_col_shift
SELECT id FROM people WHERE CASE WHEN ts < CAST('9999-12-18 00:00:00' AS TIMESTAMP) THEN DATE_ADD('DAY', 14, ts) END < CAST('2026-11-01 00:00:00' AS TIMESTAMP);

-- days_date
SELECT id FROM people WHERE DATE_DIFF('DAY', d, CAST('2026-11-01' AS DATE)) > 30;

-- days_ts
SELECT id FROM people WHERE DATE_DIFF('DAY', CAST(ts AS DATE), CAST('2026-11-01' AS DATE)) <= 7;

-- empty_str
SELECT id FROM people WHERE note = '';

-- enum_in
SELECT id FROM people WHERE kind IN ('a');

-- segment_ref
SELECT id FROM people WHERE (flag) AND NOT (name = 'road');
