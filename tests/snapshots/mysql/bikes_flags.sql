SELECT
  customer_id,
  CASE
    WHEN CAST(sport AS BINARY) = CAST('road' AS BINARY)
    AND CAST(`level` AS BINARY) = CAST('amateur' AS BINARY)
    AND CAST(sex AS BINARY) = CAST('F' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS amateur_women_road,
  CASE
    WHEN CAST(sport AS BINARY) = CAST('road' AS BINARY)
    AND CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS road_pros,
  CASE
    WHEN CAST(sport AS BINARY) = CAST('mountain' AS BINARY) AND age BETWEEN 18 AND 29
    THEN TRUE
    ELSE FALSE
  END AS young_mountain,
  CASE
    WHEN CAST(city AS BINARY) IN (CAST('Wrocław' AS BINARY), CAST('Wroclaw' AS BINARY))
    AND newsletter
    THEN TRUE
    ELSE FALSE
  END AS wroclaw_newsletter,
  CASE
    WHEN NOT (
      CAST(sport AS BINARY) IN (CAST('gravel' AS BINARY))
    )
    THEN TRUE
    ELSE FALSE
  END AS not_gravel,
  CASE
    WHEN lifetime_value >= 1000
    OR CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
    AND lifetime_value >= 500.5
    THEN TRUE
    ELSE FALSE
  END AS high_value,
  CASE
    WHEN CAST(RIGHT(email, 10) AS BINARY) = CAST('@gmail.com' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS gmail,
  CASE
    WHEN REGEXP_INSTR(city, '(?-i)^W[a-z]+') > 0
    AND NOT (
      LOCATE(CAST('x' AS BINARY), CAST(city AS BINARY)) > 0
    )
    AND CAST(LEFT(city, 1) AS BINARY) = CAST('W' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS w_city,
  CASE WHEN email IS NULL THEN TRUE ELSE FALSE END AS no_email,
  CASE WHEN NOT email IS NULL THEN TRUE ELSE FALSE END AS has_email,
  CASE WHEN signup_date >= CAST('2026-10-02' AS DATE) THEN TRUE ELSE FALSE END AS recent_signups,
  CASE
    WHEN last_seen < CAST('2026-05-03 00:00:00' AS DATETIME)
    AND signup_date < CAST('2024-06-01' AS DATE)
    THEN TRUE
    ELSE FALSE
  END AS lapsed,
  CASE
    WHEN CAST(lifetime_value AS DOUBLE) / NULLIF((
      age - 17
    ), 0) > 40
    AND NOT (
      CAST(LOWER(city) AS BINARY) = CAST('wroclaw' AS BINARY)
    )
    THEN TRUE
    ELSE FALSE
  END AS value_per_year,
  CASE
    WHEN (
      (
        CAST(sport AS BINARY) = CAST('road' AS BINARY)
        AND CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
      )
      OR (
        lifetime_value >= 1000
        OR CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
        AND lifetime_value >= 500.5
      )
    )
    AND CAST(sex AS BINARY) = CAST('F' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS pro_or_high_value_women,
  CASE WHEN NOT sport IS NULL THEN TRUE ELSE FALSE END AS cyclists,
  CASE
    WHEN (
      NOT sport IS NULL
    ) AND CAST(sport AS BINARY) = CAST('road' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS `cyclists.road`,
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND CAST(sport AS BINARY) = CAST('road' AS BINARY)
    )
    AND CAST(`level` AS BINARY) = CAST('beginner' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS `cyclists.road.beginner`,
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND CAST(sport AS BINARY) = CAST('road' AS BINARY)
    )
    AND CAST(`level` AS BINARY) = CAST('amateur' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS `cyclists.road.amateur`,
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND CAST(sport AS BINARY) = CAST('road' AS BINARY)
      )
      AND CAST(`level` AS BINARY) = CAST('amateur' AS BINARY)
    )
    AND CAST(sex AS BINARY) = CAST('F' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS `cyclists.road.amateur.women`,
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND CAST(sport AS BINARY) = CAST('road' AS BINARY)
      )
      AND CAST(`level` AS BINARY) = CAST('amateur' AS BINARY)
    )
    AND CAST(sex AS BINARY) = CAST('M' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS `cyclists.road.amateur.men`,
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND CAST(sport AS BINARY) = CAST('road' AS BINARY)
    )
    AND CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS `cyclists.road.pro`,
  CASE
    WHEN (
      NOT sport IS NULL
    ) AND CAST(sport AS BINARY) = CAST('mountain' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS `cyclists.mountain`,
  CASE
    WHEN (
      NOT sport IS NULL
    ) AND CAST(sport AS BINARY) = CAST('gravel' AS BINARY)
    THEN TRUE
    ELSE FALSE
  END AS `cyclists.gravel`,
  CASE
    WHEN CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
    THEN TRUE
    ELSE FALSE
  END AS `lifecycle.vip`,
  CASE
    WHEN NOT (
      CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
    )
    AND CASE WHEN last_seen < CAST('2026-05-05 00:00:00' AS DATETIME) THEN 1 ELSE 0 END = 1
    THEN TRUE
    ELSE FALSE
  END AS `lifecycle.at_risk`,
  CASE
    WHEN NOT (
      CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
    )
    AND NOT (
      CASE WHEN last_seen < CAST('2026-05-05 00:00:00' AS DATETIME) THEN 1 ELSE 0 END = 1
    )
    THEN TRUE
    ELSE FALSE
  END AS `lifecycle.regular`,
  CASE
    WHEN CASE
      WHEN (
        CASE WHEN newsletter THEN 1 ELSE 0 END + CASE WHEN age BETWEEN 25 AND 45 THEN 1 ELSE 0 END + CASE
          WHEN CAST(city AS BINARY) IN (CAST('Wrocław' AS BINARY), CAST('Wroclaw' AS BINARY))
          THEN 1
          ELSE 0
        END
      ) >= 2
      THEN 1
      WHEN (
        CASE WHEN NOT newsletter THEN 0 ELSE 1 END + CASE WHEN NOT (
          age BETWEEN 25 AND 45
        ) THEN 0 ELSE 1 END + CASE
          WHEN NOT (
            CAST(city AS BINARY) IN (CAST('Wrocław' AS BINARY), CAST('Wroclaw' AS BINARY))
          )
          THEN 0
          ELSE 1
        END
      ) < 2
      THEN 0
    END = 1
    THEN TRUE
    ELSE FALSE
  END AS engaged,
  CASE
    WHEN (
      (
        (
          (
            NOT sport IS NULL
          ) AND CAST(sport AS BINARY) = CAST('road' AS BINARY)
        )
        AND CAST(`level` AS BINARY) = CAST('amateur' AS BINARY)
      )
      AND CAST(sex AS BINARY) = CAST('F' AS BINARY)
    )
    AND (
      CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 1, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 268435456 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 2, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 16777216 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 3, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 1048576 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 4, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 65536 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 5, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 4096 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 6, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 256 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 7, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 16 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 8, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 1
    ) % 10000 >= 1000
    THEN TRUE
    ELSE FALSE
  END AS campaign_a,
  CASE
    WHEN (
      (
        (
          (
            NOT sport IS NULL
          ) AND CAST(sport AS BINARY) = CAST('road' AS BINARY)
        )
        AND CAST(`level` AS BINARY) = CAST('amateur' AS BINARY)
      )
      AND CAST(sex AS BINARY) = CAST('F' AS BINARY)
    )
    AND (
      CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 1, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 268435456 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 2, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 16777216 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 3, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 1048576 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 4, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 65536 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 5, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 4096 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 6, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 256 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 7, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 16 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('2026-q4:', CAST(customer_id AS CHAR))), 8, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 1
    ) % 10000 < 1000
    THEN TRUE
    ELSE FALSE
  END AS `campaign_a.holdout`,
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND CAST(sport AS BINARY) = CAST('mountain' AS BINARY)
    )
    THEN TRUE
    ELSE FALSE
  END AS mountain_test,
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND CAST(sport AS BINARY) = CAST('mountain' AS BINARY)
      )
    )
    AND (
      CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 1, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 268435456 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 2, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 16777216 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 3, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 1048576 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 4, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 65536 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 5, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 4096 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 6, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 256 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 7, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 16 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 8, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 1
    ) % 10000 < 5000
    THEN TRUE
    ELSE FALSE
  END AS `mountain_test.a`,
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND CAST(sport AS BINARY) = CAST('mountain' AS BINARY)
      )
    )
    AND (
      CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 1, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 268435456 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 2, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 16777216 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 3, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 1048576 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 4, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 65536 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 5, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 4096 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 6, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 256 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 7, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 16 + CAST(LOCATE(
        SUBSTRING(MD5(CONCAT('mtb-2026:', CAST(customer_id AS CHAR))), 8, 1),
        '0123456789abcdef'
      ) - 1 AS SIGNED) * 1
    ) % 10000 >= 5000
    THEN TRUE
    ELSE FALSE
  END AS `mountain_test.b`,
  CASE
    WHEN CASE
      WHEN CASE
        WHEN (
          (
            NOT sport IS NULL
          ) AND CAST(sport AS BINARY) = CAST('road' AS BINARY)
        )
        THEN 1
        ELSE 0
      END = 1
      OR CASE
        WHEN (
          (
            NOT sport IS NULL
          ) AND CAST(sport AS BINARY) = CAST('gravel' AS BINARY)
        )
        THEN 1
        ELSE 0
      END = 1
      THEN 1
      ELSE 0
    END = 1
    AND NOT (
      CASE
        WHEN (
          CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
        )
        THEN 1
        ELSE 0
      END = 1
    )
    THEN TRUE
    ELSE FALSE
  END AS road_or_gravel_not_vip,
  CASE
    WHEN NOT (
      CASE WHEN (
        NOT sport IS NULL
      ) THEN 1 ELSE 0 END = 1
    )
    THEN NULL
    ELSE CONCAT(
      CASE
        WHEN sport IS NULL
        THEN 'null'
        WHEN CAST(sport AS BINARY) = CAST('road' AS BINARY)
        THEN 'road'
        WHEN CAST(sport AS BINARY) = CAST('mountain' AS BINARY)
        THEN 'mountain'
        WHEN CAST(sport AS BINARY) = CAST('gravel' AS BINARY)
        THEN 'gravel'
        ELSE 'other'
      END,
      '/',
      CASE
        WHEN `level` IS NULL
        THEN 'null'
        WHEN CAST(`level` AS BINARY) = CAST('beginner' AS BINARY)
        THEN 'beginner'
        WHEN CAST(`level` AS BINARY) = CAST('amateur' AS BINARY)
        THEN 'amateur'
        WHEN CAST(`level` AS BINARY) = CAST('pro' AS BINARY)
        THEN 'pro'
        ELSE 'other'
      END,
      '/',
      CASE
        WHEN sex IS NULL
        THEN 'null'
        WHEN CAST(sex AS BINARY) = CAST('F' AS BINARY)
        THEN 'F'
        WHEN CAST(sex AS BINARY) = CAST('M' AS BINARY)
        THEN 'M'
        ELSE 'other'
      END
    )
  END AS bikes,
  CASE
    WHEN age IS NULL
    THEN 'null'
    WHEN age < 18
    THEN '<18'
    WHEN age < 25
    THEN '18-24'
    WHEN age < 35
    THEN '25-34'
    WHEN age < 50
    THEN '35-49'
    WHEN age < 65
    THEN '50-64'
    ELSE '65+'
  END AS ages,
  CASE
    WHEN lifetime_value >= 3000
    THEN 'vip'
    WHEN last_seen < CAST('2026-05-05 00:00:00' AS DATETIME)
    THEN 'at_risk'
    ELSE 'regular'
  END AS lifecycle
FROM customers
