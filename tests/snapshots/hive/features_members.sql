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
SELECT id FROM people WHERE LOCATE('50%_off', name) > 0;

-- starts
SELECT id FROM people WHERE SUBSTRING(name, 1, 2) = 'Ro';

-- ends_space
SELECT id FROM people WHERE SUBSTRING(name, LENGTH(name) - (2 - 1)) = 'd ';

-- contains_space
SELECT id FROM people WHERE LOCATE('d ', name) > 0;

-- regex_dot_end
SELECT id FROM people WHERE name RLIKE '^a[^\\n]c\\z';

-- iregex
SELECT id FROM people WHERE name RLIKE '(?iu)road';

-- regex_classes
SELECT id FROM people WHERE name RLIKE '[0-9]{2}[\\t\\n\\v\\f\\r ][0-9A-Za-z_]+';

-- lower_eq
SELECT id FROM people WHERE LOWER(REPLACE(name, 'İ', 'I')) = 'łódź';

-- upper_eq
SELECT id FROM people WHERE UPPER(name) = 'ŁÓDŹ';

-- length_eq
SELECT id FROM people WHERE LENGTH(name) = 4;

-- int_div
SELECT id FROM people WHERE CAST(n AS DOUBLE) / NULLIF(2, 0) > 1;

-- div_zero
SELECT id FROM people WHERE CAST(x AS DOUBLE) / NULLIF((n - n), 0) > 1;

-- round_half
SELECT id FROM people WHERE CASE WHEN ABS(x) < 9007199254740992 THEN CAST(ROUND(CAST(CAST(x AS STRING) AS DECIMAL(38, 22)), 0) AS DOUBLE) ELSE x END = 3;

-- round_digits
SELECT id FROM people WHERE CASE WHEN ABS(x) < 9007199254740992 THEN CAST(ROUND(CAST(CAST(x AS STRING) AS DECIMAL(38, 22)), 1) AS DOUBLE) ELSE x END = 2.5;

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
SELECT id FROM people WHERE CASE WHEN d <= CAST('9999-12-21' AS DATE) THEN DATE_ADD(d, 10) END <= CAST('2026-11-01' AS DATE);

-- date_col_shift_month
-- refused E401: segment 'date_col_shift_month' uses moving a date column by months, which segdsl cannot compile for hive

-- ts_col_shift
-- refused E401: segment 'ts_col_shift' uses moving a timestamp column by a duration, which segdsl cannot compile for hive

-- days_date
SELECT id FROM people WHERE DATEDIFF(CAST('2026-11-01' AS DATE), d) > 30;

-- days_ts
SELECT id FROM people WHERE DATEDIFF(CAST('2026-11-01' AS DATE), CAST(ts AS DATE)) <= 7;

-- empty_str
SELECT id FROM people WHERE note = '';

-- enum_in
SELECT id FROM people WHERE kind IN ('a');

-- segment_ref
SELECT id FROM people WHERE (flag) AND NOT (name = 'road');
