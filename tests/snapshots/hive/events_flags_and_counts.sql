SELECT
  code,
  CASE
    WHEN COALESCE(segdsl_orders.segdsl_a1, 0) >= 3
    AND COALESCE(segdsl_visits.segdsl_a3, 0) = 0
    THEN TRUE
    ELSE FALSE
  END AS counts,
  CASE WHEN segdsl_orders.segdsl_a4 >= 0.5 THEN TRUE ELSE FALSE END AS shares,
  CASE
    WHEN COALESCE(segdsl_orders.segdsl_a5, 0) > 100
    OR COALESCE(segdsl_orders.segdsl_a6, 0) > 10
    THEN TRUE
    ELSE FALSE
  END AS sums,
  CASE WHEN segdsl_orders.segdsl_a7 > 20 THEN TRUE ELSE FALSE END AS averages,
  CASE
    WHEN segdsl_orders.segdsl_a8 >= 1
    AND segdsl_visits.segdsl_a9 >= CAST('2026-10-25' AS DATE)
    THEN TRUE
    ELSE FALSE
  END AS extremes,
  CASE WHEN COALESCE(segdsl_orders.segdsl_a10, 0) >= 2 THEN TRUE ELSE FALSE END AS `distinct`,
  CASE
    WHEN DATEDIFF(CAST('2026-11-01' AS DATE), CAST(segdsl_orders.segdsl_a11 AS DATE)) > 180
    AND segdsl_first0.segdsl_a13 = 'A'
    THEN TRUE
    ELSE FALSE
  END AS lapsed
FROM customers AS segdsl_entity
LEFT JOIN (
  SELECT
    code AS segdsl_k,
    COUNT(
      CASE
        WHEN ordered_at > CAST('2026-08-03 00:00:00' AS TIMESTAMP)
        AND ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
        AND discounted
        THEN 1
      END
    ) AS segdsl_a1,
    CAST(COUNT(
      CASE
        WHEN ordered_at < CAST('2026-06-01 00:00:00' AS TIMESTAMP) AND discounted
        THEN 1
      END
    ) AS DOUBLE) / NULLIF(
      COUNT(CASE WHEN ordered_at < CAST('2026-06-01 00:00:00' AS TIMESTAMP) THEN 1 END),
      0
    ) AS segdsl_a4,
    SUM(
      CASE
        WHEN ordered_at >= CAST('2026-01-02 00:00:00' AS TIMESTAMP)
        AND ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
        THEN amount
      END
    ) AS segdsl_a5,
    SUM(CASE WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP) THEN qty END) AS segdsl_a6,
    AVG(
      CASE
        WHEN ordered_at >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        AND ordered_at < CAST('2026-07-01 00:00:00' AS TIMESTAMP)
        THEN CAST(amount AS DOUBLE)
      END
    ) AS segdsl_a7,
    MIN(CASE WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP) THEN qty END) AS segdsl_a8,
    COUNT(
      DISTINCT CASE
        WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP) AND amount > 0
        THEN sku
      END
    ) AS segdsl_a10,
    MAX(
      CASE
        WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
        THEN ordered_at
      END
    ) AS segdsl_a11
  FROM orders
  WHERE
    NOT code IS NULL AND ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
  GROUP BY
    code
) AS segdsl_orders
  ON segdsl_entity.code = segdsl_orders.segdsl_k
LEFT JOIN (
  SELECT
    code AS segdsl_k,
    COUNT(CASE WHEN `day` <= CAST('2026-11-01' AS DATE) THEN 1 END) AS segdsl_a3,
    MAX(CASE WHEN `day` <= CAST('2026-11-01' AS DATE) THEN `day` END) AS segdsl_a9
  FROM visits
  WHERE
    NOT code IS NULL AND `day` <= CAST('2026-11-01' AS DATE)
  GROUP BY
    code
) AS segdsl_visits
  ON segdsl_entity.code = segdsl_visits.segdsl_k
LEFT JOIN (
  SELECT
    segdsl_k,
    segdsl_a13
  FROM (
    SELECT
      code AS segdsl_k,
      sku AS segdsl_a13,
      ROW_NUMBER() OVER (PARTITION BY code ORDER BY ordered_at ASC, sku ASC) AS segdsl_n
    FROM orders
    WHERE
      NOT code IS NULL
      AND ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
      AND discounted
  ) AS segdsl_numbered
  WHERE
    segdsl_n = 1
) AS segdsl_first0
  ON segdsl_entity.code = segdsl_first0.segdsl_k;

SELECT
  code,
  CASE
    WHEN COALESCE(segdsl_orders.segdsl_a1, 0) >= 3
    AND COALESCE(segdsl_visits.segdsl_a3, 0) = 0
    THEN TRUE
    ELSE FALSE
  END AS counts,
  CASE WHEN segdsl_orders.segdsl_a4 >= 0.5 THEN TRUE ELSE FALSE END AS shares,
  CASE
    WHEN COALESCE(segdsl_orders.segdsl_a5, 0) > 100
    OR COALESCE(segdsl_orders.segdsl_a6, 0) > 10
    THEN TRUE
    ELSE FALSE
  END AS sums,
  CASE WHEN segdsl_orders.segdsl_a7 > 20 THEN TRUE ELSE FALSE END AS averages,
  CASE
    WHEN segdsl_orders.segdsl_a8 >= 1
    AND segdsl_visits.segdsl_a9 >= CAST('2026-10-25' AS DATE)
    THEN TRUE
    ELSE FALSE
  END AS extremes,
  CASE WHEN COALESCE(segdsl_orders.segdsl_a10, 0) >= 2 THEN TRUE ELSE FALSE END AS `distinct`,
  CASE
    WHEN DATEDIFF(CAST('2026-11-01' AS DATE), CAST(segdsl_orders.segdsl_a11 AS DATE)) > 180
    AND segdsl_first0.segdsl_a13 = 'A'
    THEN TRUE
    ELSE FALSE
  END AS lapsed
FROM customers AS segdsl_entity
LEFT JOIN (
  SELECT
    code AS segdsl_k,
    COUNT(
      CASE
        WHEN ordered_at > CAST('2026-08-03 00:00:00' AS TIMESTAMP)
        AND ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
        AND discounted
        THEN 1
      END
    ) AS segdsl_a1,
    CAST(COUNT(
      CASE
        WHEN ordered_at < CAST('2026-06-01 00:00:00' AS TIMESTAMP) AND discounted
        THEN 1
      END
    ) AS DOUBLE) / NULLIF(
      COUNT(CASE WHEN ordered_at < CAST('2026-06-01 00:00:00' AS TIMESTAMP) THEN 1 END),
      0
    ) AS segdsl_a4,
    SUM(
      CASE
        WHEN ordered_at >= CAST('2026-01-02 00:00:00' AS TIMESTAMP)
        AND ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
        THEN amount
      END
    ) AS segdsl_a5,
    SUM(CASE WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP) THEN qty END) AS segdsl_a6,
    AVG(
      CASE
        WHEN ordered_at >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        AND ordered_at < CAST('2026-07-01 00:00:00' AS TIMESTAMP)
        THEN CAST(amount AS DOUBLE)
      END
    ) AS segdsl_a7,
    MIN(CASE WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP) THEN qty END) AS segdsl_a8,
    COUNT(
      DISTINCT CASE
        WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP) AND amount > 0
        THEN sku
      END
    ) AS segdsl_a10,
    MAX(
      CASE
        WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
        THEN ordered_at
      END
    ) AS segdsl_a11
  FROM orders
  WHERE
    NOT code IS NULL AND ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
  GROUP BY
    code
) AS segdsl_orders
  ON segdsl_entity.code = segdsl_orders.segdsl_k
LEFT JOIN (
  SELECT
    code AS segdsl_k,
    COUNT(CASE WHEN `day` <= CAST('2026-11-01' AS DATE) THEN 1 END) AS segdsl_a3,
    MAX(CASE WHEN `day` <= CAST('2026-11-01' AS DATE) THEN `day` END) AS segdsl_a9
  FROM visits
  WHERE
    NOT code IS NULL AND `day` <= CAST('2026-11-01' AS DATE)
  GROUP BY
    code
) AS segdsl_visits
  ON segdsl_entity.code = segdsl_visits.segdsl_k
LEFT JOIN (
  SELECT
    segdsl_k,
    segdsl_a13
  FROM (
    SELECT
      code AS segdsl_k,
      sku AS segdsl_a13,
      ROW_NUMBER() OVER (PARTITION BY code ORDER BY ordered_at ASC, sku ASC) AS segdsl_n
    FROM orders
    WHERE
      NOT code IS NULL
      AND ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
      AND discounted
  ) AS segdsl_numbered
  WHERE
    segdsl_n = 1
) AS segdsl_first0
  ON segdsl_entity.code = segdsl_first0.segdsl_k;

SELECT
  COALESCE(
    SUM(
      CASE
        WHEN DATEDIFF(CAST('2026-11-01' AS DATE), CAST(segdsl_orders.segdsl_a1 AS DATE)) > 180
        AND segdsl_first0.segdsl_a3 = 'A'
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS lapsed
FROM customers AS segdsl_entity
LEFT JOIN (
  SELECT
    code AS segdsl_k,
    MAX(
      CASE
        WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
        THEN ordered_at
      END
    ) AS segdsl_a1
  FROM orders
  WHERE
    NOT code IS NULL AND ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
  GROUP BY
    code
) AS segdsl_orders
  ON segdsl_entity.code = segdsl_orders.segdsl_k
LEFT JOIN (
  SELECT
    segdsl_k,
    segdsl_a3
  FROM (
    SELECT
      code AS segdsl_k,
      sku AS segdsl_a3,
      ROW_NUMBER() OVER (PARTITION BY code ORDER BY ordered_at ASC, sku ASC) AS segdsl_n
    FROM orders
    WHERE
      NOT code IS NULL
      AND ordered_at <= CAST('2026-11-01 00:00:00' AS TIMESTAMP)
      AND discounted
  ) AS segdsl_numbered
  WHERE
    segdsl_n = 1
) AS segdsl_first0
  ON segdsl_entity.code = segdsl_first0.segdsl_k;
