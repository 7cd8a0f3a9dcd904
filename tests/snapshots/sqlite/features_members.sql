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
SELECT id FROM people WHERE INSTR(CAST(name AS BLOB), x'3530255f6f6666') > 0;

-- starts
SELECT id FROM people WHERE LENGTH(CAST(name AS BLOB)) >= 2 AND SUBSTRING(CAST(name AS BLOB), 1, 2) = x'526f';

-- ends_space
SELECT id FROM people WHERE LENGTH(CAST(name AS BLOB)) >= 2 AND SUBSTRING(CAST(name AS BLOB), -2) = x'6420';

-- contains_space
SELECT id FROM people WHERE INSTR(CAST(name AS BLOB), x'6420') > 0;

-- regex_dot_end
SELECT id FROM people WHERE SEGDSL_REGEXP('^a[^\n]c\Z', name);

-- iregex
SELECT id FROM people WHERE SEGDSL_REGEXP('(?i)road', name);

-- regex_classes
SELECT id FROM people WHERE SEGDSL_REGEXP('[0-9]{2}[\t\n\v\f\r ][0-9A-Za-z_]+', name);

-- lower_eq
SELECT id FROM people WHERE SEGDSL_LOWER(name) = 'łódź';

-- upper_eq
SELECT id FROM people WHERE SEGDSL_UPPER(name) = 'ŁÓDŹ';

-- length_eq
SELECT id FROM people WHERE LENGTH(name) = 4;

-- int_div
SELECT id FROM people WHERE CAST(n AS REAL) / NULLIF(2, 0) > 1;

-- div_zero
SELECT id FROM people WHERE CAST(x AS REAL) / NULLIF((n - n), 0) > 1;

-- round_half
SELECT id FROM people WHERE SEGDSL_ROUND(x, 0) = 3;

-- round_digits
SELECT id FROM people WHERE SEGDSL_ROUND(x, 1) = 2.5;

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
SELECT id FROM people WHERE d >= '2026-10-01';

-- date_col_shift_days
SELECT id FROM people WHERE CASE WHEN d <= '9999-12-21' THEN DATE(d, '+10 days') END <= '2026-11-01';

-- date_col_shift_month
-- refused E401: segment 'date_col_shift_month' uses moving a date column by months, which segdsl cannot compile for sqlite

-- ts_col_shift
SELECT id FROM people WHERE CASE WHEN ts < '9999-12-18 00:00:00' THEN DATETIME(SUBSTRING(ts, 1, 19), '+14 days') || SUBSTRING(ts, 20) END < '2026-11-01 00:00:00';

-- days_date
SELECT id FROM people WHERE CAST((JULIANDAY('2026-11-01') - JULIANDAY(d)) AS INTEGER) > 30;

-- days_ts
SELECT id FROM people WHERE CAST((JULIANDAY('2026-11-01') - JULIANDAY(DATE(ts))) AS INTEGER) <= 7;

-- empty_str
SELECT id FROM people WHERE note = '';

-- enum_in
SELECT id FROM people WHERE kind IN ('a');

-- segment_ref
SELECT id FROM people WHERE (flag) AND NOT (name = 'road');
