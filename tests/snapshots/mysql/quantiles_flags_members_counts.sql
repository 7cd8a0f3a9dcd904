SELECT
  id,
  segdsl_f0 AS top_spenders,
  segdsl_f1 AS rfm,
  segdsl_f2 AS early
FROM (
  SELECT
    id,
    CASE
      WHEN CASE
        WHEN NOT COALESCE(segdsl_orders.segdsl_a1, 0) IS NULL
        THEN CAST(COUNT(COALESCE(segdsl_orders.segdsl_a1, 0)) OVER (
          ORDER BY COALESCE(segdsl_orders.segdsl_a1, 0)
          RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS DOUBLE) / COUNT(COALESCE(segdsl_orders.segdsl_a1, 0)) OVER ()
      END > 0.8
      THEN TRUE
      ELSE FALSE
    END AS segdsl_f0,
    CASE
      WHEN CASE
        WHEN NOT segdsl_orders.segdsl_a2 IS NULL
        THEN CAST(CEIL(
          CAST(5 * COUNT(segdsl_orders.segdsl_a2) OVER (
            ORDER BY segdsl_orders.segdsl_a2
            RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS DOUBLE) / COUNT(segdsl_orders.segdsl_a2) OVER ()
        ) AS SIGNED)
      END = 5
      AND CASE
        WHEN NOT (
          ltv * 2
        ) IS NULL
        THEN CAST(CEIL(
          CAST(4 * COUNT(ltv * 2) OVER (ORDER BY ltv * 2 RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / COUNT(ltv * 2) OVER ()
        ) AS SIGNED)
      END >= 3
      AND signup < CAST('2026-11-01' AS DATE)
      THEN TRUE
      ELSE FALSE
    END AS segdsl_f1,
    CASE
      WHEN CASE
        WHEN NOT signup IS NULL
        THEN CAST(CEIL(
          CAST(10 * COUNT(signup) OVER (ORDER BY signup RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / COUNT(signup) OVER ()
        ) AS SIGNED)
      END = 1
      THEN TRUE
      ELSE FALSE
    END AS segdsl_f2
  FROM customers AS segdsl_entity
  LEFT JOIN (
    SELECT
      id AS segdsl_k,
      SUM(
        CASE
          WHEN ordered_at > CAST('2025-11-01 00:00:00' AS DATETIME)
          AND ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME)
          THEN amount
        END
      ) AS segdsl_a1,
      MAX(
        CASE WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME) THEN ordered_at END
      ) AS segdsl_a2
    FROM orders
    WHERE
      NOT id IS NULL AND ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME)
    GROUP BY
      id
  ) AS segdsl_orders
    ON segdsl_entity.id = segdsl_orders.segdsl_k
) AS segdsl_ranked;

SELECT
  id
FROM (
  SELECT
    id,
    CASE
      WHEN CASE
        WHEN NOT segdsl_orders.segdsl_a1 IS NULL
        THEN CAST(CEIL(
          CAST(5 * COUNT(segdsl_orders.segdsl_a1) OVER (
            ORDER BY segdsl_orders.segdsl_a1
            RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS DOUBLE) / COUNT(segdsl_orders.segdsl_a1) OVER ()
        ) AS SIGNED)
      END = 5
      AND CASE
        WHEN NOT (
          ltv * 2
        ) IS NULL
        THEN CAST(CEIL(
          CAST(4 * COUNT(ltv * 2) OVER (ORDER BY ltv * 2 RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / COUNT(ltv * 2) OVER ()
        ) AS SIGNED)
      END >= 3
      AND signup < CAST('2026-11-01' AS DATE)
      THEN TRUE
      ELSE FALSE
    END AS segdsl_f0
  FROM customers AS segdsl_entity
  LEFT JOIN (
    SELECT
      id AS segdsl_k,
      MAX(
        CASE WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME) THEN ordered_at END
      ) AS segdsl_a1
    FROM orders
    WHERE
      NOT id IS NULL AND ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME)
    GROUP BY
      id
  ) AS segdsl_orders
    ON segdsl_entity.id = segdsl_orders.segdsl_k
) AS segdsl_ranked
WHERE
  segdsl_f0;

SELECT
  COALESCE(SUM(CASE WHEN segdsl_f0 THEN 1 ELSE 0 END), 0) AS top_spenders,
  COALESCE(SUM(CASE WHEN segdsl_f1 THEN 1 ELSE 0 END), 0) AS rfm,
  COALESCE(SUM(CASE WHEN segdsl_f2 THEN 1 ELSE 0 END), 0) AS early
FROM (
  SELECT
    id,
    CASE
      WHEN CASE
        WHEN NOT COALESCE(segdsl_orders.segdsl_a1, 0) IS NULL
        THEN CAST(COUNT(COALESCE(segdsl_orders.segdsl_a1, 0)) OVER (
          ORDER BY COALESCE(segdsl_orders.segdsl_a1, 0)
          RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS DOUBLE) / COUNT(COALESCE(segdsl_orders.segdsl_a1, 0)) OVER ()
      END > 0.8
      THEN TRUE
      ELSE FALSE
    END AS segdsl_f0,
    CASE
      WHEN CASE
        WHEN NOT segdsl_orders.segdsl_a2 IS NULL
        THEN CAST(CEIL(
          CAST(5 * COUNT(segdsl_orders.segdsl_a2) OVER (
            ORDER BY segdsl_orders.segdsl_a2
            RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS DOUBLE) / COUNT(segdsl_orders.segdsl_a2) OVER ()
        ) AS SIGNED)
      END = 5
      AND CASE
        WHEN NOT (
          ltv * 2
        ) IS NULL
        THEN CAST(CEIL(
          CAST(4 * COUNT(ltv * 2) OVER (ORDER BY ltv * 2 RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / COUNT(ltv * 2) OVER ()
        ) AS SIGNED)
      END >= 3
      AND signup < CAST('2026-11-01' AS DATE)
      THEN TRUE
      ELSE FALSE
    END AS segdsl_f1,
    CASE
      WHEN CASE
        WHEN NOT signup IS NULL
        THEN CAST(CEIL(
          CAST(10 * COUNT(signup) OVER (ORDER BY signup RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / COUNT(signup) OVER ()
        ) AS SIGNED)
      END = 1
      THEN TRUE
      ELSE FALSE
    END AS segdsl_f2
  FROM customers AS segdsl_entity
  LEFT JOIN (
    SELECT
      id AS segdsl_k,
      SUM(
        CASE
          WHEN ordered_at > CAST('2025-11-01 00:00:00' AS DATETIME)
          AND ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME)
          THEN amount
        END
      ) AS segdsl_a1,
      MAX(
        CASE WHEN ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME) THEN ordered_at END
      ) AS segdsl_a2
    FROM orders
    WHERE
      NOT id IS NULL AND ordered_at <= CAST('2026-11-01 00:00:00' AS DATETIME)
    GROUP BY
      id
  ) AS segdsl_orders
    ON segdsl_entity.id = segdsl_orders.segdsl_k
) AS segdsl_ranked;
