-- eq_text
SELECT id FROM people WHERE name COLLATE Latin1_General_100_BIN2 = N'road' AND LEN(name + '.') = LEN(N'road' + '.');

-- neq_text
SELECT id FROM people WHERE NOT (name COLLATE Latin1_General_100_BIN2 = N'road' AND LEN(name + '.') = LEN(N'road' + '.'));

-- in_text
SELECT id FROM people WHERE (name COLLATE Latin1_General_100_BIN2 = N'road' AND LEN(name + '.') = LEN(N'road' + '.')) OR (name COLLATE Latin1_General_100_BIN2 = N'ROAD' AND LEN(name + '.') = LEN(N'ROAD' + '.'));

-- not_in_text
SELECT id FROM people WHERE NOT (name COLLATE Latin1_General_100_BIN2 = N'road' AND LEN(name + '.') = LEN(N'road' + '.'));

-- between_text
-- refused E401: segment 'between_text' uses ordering comparisons of text (<, <=, >, >=, between), which segdsl cannot compile for tsql

-- lt_text
-- refused E401: segment 'lt_text' uses ordering comparisons of text (<, <=, >, >=, between), which segdsl cannot compile for tsql

-- contains_wild
SELECT id FROM people WHERE CHARINDEX(N'50%_off' COLLATE Latin1_General_100_BIN2, name) > 0;

-- starts
SELECT id FROM people WHERE LEFT(name, 2) COLLATE Latin1_General_100_BIN2 = N'Ro' AND LEN(LEFT(name, 2) + '.') = LEN(N'Ro' + '.');

-- ends_space
SELECT id FROM people WHERE RIGHT(name, 2) COLLATE Latin1_General_100_BIN2 = N'd ' AND LEN(RIGHT(name, 2) + '.') = LEN(N'd ' + '.');

-- contains_space
-- refused E401: segment 'contains_space' uses 'contains' with trailing spaces, which segdsl cannot compile for tsql

-- regex_dot_end
SELECT id FROM people WHERE REGEXP_LIKE(name, N'^a[^\n]c$', 'c');

-- iregex
SELECT id FROM people WHERE REGEXP_LIKE(name, N'road', 'i');

-- regex_classes
SELECT id FROM people WHERE REGEXP_LIKE(name, N'[0-9]{2}[\t\n\v\f\r ][0-9A-Za-z_]+', 'c');

-- lower_eq
SELECT id FROM people WHERE LOWER(name) COLLATE Latin1_General_100_BIN2 = N'łódź' AND LEN(LOWER(name) + '.') = LEN(N'łódź' + '.');

-- upper_eq
SELECT id FROM people WHERE UPPER(name) COLLATE Latin1_General_100_BIN2 = N'ŁÓDŹ' AND LEN(UPPER(name) + '.') = LEN(N'ŁÓDŹ' + '.');

-- length_eq
SELECT id FROM people WHERE LEN(name + '.') - 1 = 4;

-- int_div
SELECT id FROM people WHERE CAST(n AS FLOAT) / NULLIF(2, 0) > 1;

-- div_zero
SELECT id FROM people WHERE CAST(x AS FLOAT) / NULLIF((n - n), 0) > 1;

-- round_half
-- refused E401: segment 'round_half' uses round() of a float, which segdsl cannot compile for tsql

-- round_digits
-- refused E401: segment 'round_digits' uses round() of a float, which segdsl cannot compile for tsql

-- abs_neg
SELECT id FROM people WHERE ABS(-n) > 2;

-- coalesce_text
SELECT id FROM people WHERE COALESCE(note, N'none') COLLATE Latin1_General_100_BIN2 = N'none' AND LEN(COALESCE(note, N'none') + '.') = LEN(N'none' + '.');

-- bool_col
SELECT id FROM people WHERE flag = 1;

-- not_bool
SELECT id FROM people WHERE NOT (flag = 1);

-- bool_false
SELECT id FROM people WHERE flag = 0;

-- bool_cmp
SELECT id FROM people WHERE (n > 1 AND flag = 1) OR (NOT (n > 1) AND NOT (flag = 1));

-- date_today
SELECT id FROM people WHERE d >= CAST('2026-10-01' AS DATE);

-- date_col_shift_days
SELECT id FROM people WHERE CASE WHEN d <= CAST('9999-12-21' AS DATE) THEN DATEADD(DAY, 10, d) END <= CAST('2026-11-01' AS DATE);

-- date_col_shift_month
SELECT id FROM people WHERE CASE WHEN d <= CAST('9999-11-30' AS DATE) THEN DATEADD(MONTH, 1, d) END <= CAST('2026-11-01' AS DATE);

-- ts_col_shift
SELECT id FROM people WHERE CASE WHEN ts < CAST('9999-12-18 00:00:00' AS DATETIME2) THEN DATEADD(DAY, 14, ts) END < CAST('2026-11-01 00:00:00' AS DATETIME2);

-- days_date
SELECT id FROM people WHERE DATEDIFF(DAY, d, CAST('2026-11-01' AS DATE)) > 30;

-- days_ts
SELECT id FROM people WHERE DATEDIFF(DAY, CAST(ts AS DATE), CAST('2026-11-01' AS DATE)) <= 7;

-- empty_str
SELECT id FROM people WHERE note COLLATE Latin1_General_100_BIN2 = N'' AND LEN(note + '.') = LEN(N'' + '.');

-- enum_in
SELECT id FROM people WHERE kind COLLATE Latin1_General_100_BIN2 = N'a' AND LEN(kind + '.') = LEN(N'a' + '.');

-- segment_ref
SELECT id FROM people WHERE (flag = 1) AND NOT (name COLLATE Latin1_General_100_BIN2 = N'road' AND LEN(name + '.') = LEN(N'road' + '.'));
