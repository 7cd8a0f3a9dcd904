-- eq_text
SELECT id FROM people WHERE CAST(name AS BINARY) = CAST('road' AS BINARY);

-- neq_text
SELECT id FROM people WHERE NOT (CAST(name AS BINARY) = CAST('road' AS BINARY));

-- in_text
SELECT id FROM people WHERE CAST(name AS BINARY) IN (CAST('road' AS BINARY), CAST('ROAD' AS BINARY));

-- not_in_text
SELECT id FROM people WHERE NOT (CAST(name AS BINARY) IN (CAST('road' AS BINARY)));

-- between_text
SELECT id FROM people WHERE CAST(name AS BINARY) BETWEEN CAST('a' AS BINARY) AND CAST('m' AS BINARY);

-- lt_text
SELECT id FROM people WHERE CAST(name AS BINARY) < CAST('m' AS BINARY);

-- contains_wild
SELECT id FROM people WHERE LOCATE(CAST('50%_off' AS BINARY), CAST(name AS BINARY)) > 0;

-- starts
SELECT id FROM people WHERE CAST(LEFT(name, 2) AS BINARY) = CAST('Ro' AS BINARY);

-- ends_space
SELECT id FROM people WHERE CAST(RIGHT(name, 2) AS BINARY) = CAST('d ' AS BINARY);

-- contains_space
SELECT id FROM people WHERE LOCATE(CAST('d ' AS BINARY), CAST(name AS BINARY)) > 0;

-- regex_dot_end
SELECT id FROM people WHERE REGEXP_INSTR(name, '(?-i)^a[^\\n]c\\z') > 0;

-- iregex
SELECT id FROM people WHERE REGEXP_INSTR(name, '(?i)road') > 0;

-- regex_classes
SELECT id FROM people WHERE REGEXP_INSTR(name, '(?-i)[0-9]{2}[\\t\\n\\v\\f\\r ][0-9A-Za-z_]+') > 0;

-- lower_eq
SELECT id FROM people WHERE CAST(LOWER(name) AS BINARY) = CAST('łódź' AS BINARY);

-- upper_eq
SELECT id FROM people WHERE CAST(UPPER(name) AS BINARY) = CAST('ŁÓDŹ' AS BINARY);

-- length_eq
SELECT id FROM people WHERE CHAR_LENGTH(name) = 4;

-- int_div
SELECT id FROM people WHERE CAST(n AS DOUBLE) / NULLIF(2, 0) > 1;

-- div_zero
SELECT id FROM people WHERE CAST(x AS DOUBLE) / NULLIF((n - n), 0) > 1;

-- round_half
SELECT id FROM people WHERE CASE WHEN ABS(x) < 9007199254740992 THEN CAST(ROUND(CAST(CAST(x AS CHAR) AS DECIMAL(38, 22)), 0) AS DOUBLE) ELSE x END = 3;

-- round_digits
SELECT id FROM people WHERE CASE WHEN ABS(x) < 9007199254740992 THEN CAST(ROUND(CAST(CAST(x AS CHAR) AS DECIMAL(38, 22)), 1) AS DOUBLE) ELSE x END = 2.5;

-- abs_neg
SELECT id FROM people WHERE ABS(-n) > 2;

-- coalesce_text
SELECT id FROM people WHERE CAST(COALESCE(note, 'none') AS BINARY) = CAST('none' AS BINARY);

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
SELECT id FROM people WHERE CASE WHEN d <= CAST('9999-12-21' AS DATE) THEN DATE_ADD(d, INTERVAL 10 DAY) END <= CAST('2026-11-01' AS DATE);

-- date_col_shift_month
SELECT id FROM people WHERE CASE WHEN d <= CAST('9999-11-30' AS DATE) THEN DATE_ADD(d, INTERVAL 1 MONTH) END <= CAST('2026-11-01' AS DATE);

-- ts_col_shift
SELECT id FROM people WHERE CASE WHEN ts < CAST('9999-12-18 00:00:00' AS DATETIME) THEN DATE_ADD(ts, INTERVAL 14 DAY) END < CAST('2026-11-01 00:00:00' AS DATETIME);

-- days_date
SELECT id FROM people WHERE DATEDIFF(CAST('2026-11-01' AS DATE), d) > 30;

-- days_ts
SELECT id FROM people WHERE DATEDIFF(CAST('2026-11-01' AS DATE), CAST(ts AS DATE)) <= 7;

-- empty_str
SELECT id FROM people WHERE CAST(note AS BINARY) = CAST('' AS BINARY);

-- enum_in
SELECT id FROM people WHERE CAST(kind AS BINARY) IN (CAST('a' AS BINARY));

-- segment_ref
SELECT id FROM people WHERE (flag) AND NOT (CAST(name AS BINARY) = CAST('road' AS BINARY));
