-- key string: refused E401: segment 'counts' uses events on a text key, or count_distinct of text, which segdsl cannot compile for tsql

-- key string: refused E401: segment 'shares' uses events on a text key, or count_distinct of text, which segdsl cannot compile for tsql

-- key string: refused E401: segment 'sums' uses events on a text key, or count_distinct of text, which segdsl cannot compile for tsql

-- key string: refused E401: segment 'averages' uses events on a text key, or count_distinct of text, which segdsl cannot compile for tsql

-- key string: refused E401: segment 'extremes' uses events on a text key, or count_distinct of text, which segdsl cannot compile for tsql

-- key string: refused E401: segment 'distinct' uses events on a text key, or count_distinct of text, which segdsl cannot compile for tsql

-- key string: refused E401: segment 'lapsed' uses events on a text key, or count_distinct of text, which segdsl cannot compile for tsql

-- key int: refused E401: segment 'distinct' uses events on a text key, or count_distinct of text, which segdsl cannot compile for tsql

-- key int: refused E401: segment 'lapsed' uses first() of text (ties are broken by ordering the text), which segdsl cannot compile for tsql

SELECT
  code,
  CASE
    WHEN COALESCE(segdsl_orders.segdsl_a1, 0) >= 3
    AND COALESCE(segdsl_visits.segdsl_a3, 0) = 0
    THEN 1
    ELSE 0
  END AS counts,
  CASE WHEN segdsl_orders.segdsl_a4 >= 0.5 THEN 1 ELSE 0 END AS shares,
  CASE
    WHEN COALESCE(segdsl_orders.segdsl_a5, 0) > 100
    OR COALESCE(segdsl_orders.segdsl_a6, 0) > 10
    THEN 1
    ELSE 0
  END AS sums,
  CASE WHEN segdsl_orders.segdsl_a7 > 20 THEN 1 ELSE 0 END AS averages,
  CASE
    WHEN segdsl_orders.segdsl_a8 >= 1
    AND segdsl_visits.segdsl_a9 >= CAST('2026-10-25' AS DATE)
    THEN 1
    ELSE 0
  END AS extremes
FROM customers AS segdsl_entity
LEFT JOIN (
  SELECT
    code AS segdsl_k,
    COUNT(
      CASE
        WHEN ordered_at > CAST('2026-08-03 00:00:00' AS DATETIME2)
        AND ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME2)
        AND discounted = 1
        THEN 1
      END
    ) AS segdsl_a1,
    CAST(COUNT(
      CASE
        WHEN ordered_at < CAST('2026-06-01 00:00:00' AS DATETIME2) AND discounted = 1
        THEN 1
      END
    ) AS FLOAT) / NULLIF(
      COUNT(CASE WHEN ordered_at < CAST('2026-06-01 00:00:00' AS DATETIME2) THEN 1 END),
      0
    ) AS segdsl_a4,
    SUM(
      CASE
        WHEN ordered_at >= CAST('2026-01-02 00:00:00' AS DATETIME2)
        AND ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME2)
        THEN amount
      END
    ) AS segdsl_a5,
    SUM(CASE WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME2) THEN qty END) AS segdsl_a6,
    AVG(
      CASE
        WHEN ordered_at >= CAST('2026-01-01 00:00:00' AS DATETIME2)
        AND ordered_at < CAST('2026-07-01 00:00:00' AS DATETIME2)
        THEN CAST(amount AS FLOAT)
      END
    ) AS segdsl_a7,
    MIN(CASE WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME2) THEN qty END) AS segdsl_a8
  FROM orders
  WHERE
    NOT code IS NULL AND ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME2)
  GROUP BY
    code
) AS segdsl_orders
  ON segdsl_entity.code = segdsl_orders.segdsl_k
LEFT JOIN (
  SELECT
    code AS segdsl_k,
    COUNT(CASE WHEN [day] <= CAST('2026-11-01' AS DATE) THEN 1 END) AS segdsl_a3,
    MAX(CASE WHEN [day] <= CAST('2026-11-01' AS DATE) THEN [day] END) AS segdsl_a9
  FROM visits
  WHERE
    NOT code IS NULL AND [day] <= CAST('2026-11-01' AS DATE)
  GROUP BY
    code
) AS segdsl_visits
  ON segdsl_entity.code = segdsl_visits.segdsl_k;
