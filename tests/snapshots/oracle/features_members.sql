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
SELECT id FROM people WHERE INSTR(name, '50%_off') > 0;

-- starts
SELECT id FROM people WHERE SUBSTR(name, 1, 2) = 'Ro';

-- ends_space
SELECT id FROM people WHERE LENGTH(name) >= 2 AND SUBSTR(name, -2) = 'd ';

-- contains_space
SELECT id FROM people WHERE INSTR(name, 'd ') > 0;

-- regex_dot_end
SELECT id FROM people WHERE REGEXP_LIKE(name, '^a.c$', 'c');

-- iregex
SELECT id FROM people WHERE REGEXP_LIKE(name, 'road', 'i');

-- regex_classes
SELECT id FROM people WHERE REGEXP_LIKE(name, '[0-9]{2}[	
 ][0-9A-Za-z_]+', 'c');

-- lower_eq
SELECT id FROM people WHERE LOWER(name) = 'łódź';

-- upper_eq
SELECT id FROM people WHERE UPPER(name) = 'ŁÓDŹ';

-- length_eq
SELECT id FROM people WHERE LENGTH(name) = 4;

-- int_div
SELECT id FROM people WHERE CAST(n AS DOUBLE PRECISION) / NULLIF(2, 0) > 1;

-- div_zero
SELECT id FROM people WHERE CAST(x AS DOUBLE PRECISION) / NULLIF((n - n), 0) > 1;

-- round_half
-- refused E401: segment 'round_half' uses round() of a float, which segdsl cannot compile for oracle

-- round_digits
-- refused E401: segment 'round_digits' uses round() of a float, which segdsl cannot compile for oracle

-- abs_neg
SELECT id FROM people WHERE ABS(-n) > 2;

-- coalesce_text
SELECT id FROM people WHERE COALESCE(note, 'none') = 'none';

-- bool_col
SELECT id FROM people WHERE flag = 1;

-- not_bool
SELECT id FROM people WHERE NOT (flag = 1);

-- bool_false
SELECT id FROM people WHERE flag = 0;

-- bool_cmp
SELECT id FROM people WHERE (n > 1 AND flag = 1) OR (NOT (n > 1) AND NOT (flag = 1));

-- date_today
SELECT id FROM people WHERE d >= TO_DATE('2026-10-01', 'YYYY-MM-DD');

-- date_col_shift_days
SELECT id FROM people WHERE CASE WHEN d <= TO_DATE('9999-12-21', 'YYYY-MM-DD') THEN d + NUMTODSINTERVAL(10, 'DAY') END <= TO_DATE('2026-11-01', 'YYYY-MM-DD');

-- date_col_shift_month
-- refused E401: segment 'date_col_shift_month' uses moving a date column by months, which segdsl cannot compile for oracle

-- ts_col_shift
SELECT id FROM people WHERE CASE WHEN ts < TO_TIMESTAMP('9999-12-18 00:00:00', 'YYYY-MM-DD HH24:MI:SS') THEN ts + NUMTODSINTERVAL(14, 'DAY') END < TO_TIMESTAMP('2026-11-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS');

-- days_date
SELECT id FROM people WHERE TO_DATE('2026-11-01', 'YYYY-MM-DD') - TRUNC(d) > 30;

-- days_ts
SELECT id FROM people WHERE TO_DATE('2026-11-01', 'YYYY-MM-DD') - TRUNC(CAST(ts AS DATE)) <= 7;

-- empty_str
-- refused E401: segment 'empty_str' uses the empty string "", which segdsl cannot compile for oracle

-- enum_in
SELECT id FROM people WHERE kind IN ('a');

-- segment_ref
SELECT id FROM people WHERE (flag = 1) AND NOT (name = 'road');
