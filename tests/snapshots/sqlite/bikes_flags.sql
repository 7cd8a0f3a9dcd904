SELECT
  customer_id,
  CASE
    WHEN sport = 'road' AND "level" = 'amateur' AND sex = 'F'
    THEN TRUE
    ELSE FALSE
  END AS amateur_women_road,
  CASE WHEN sport = 'road' AND "level" = 'pro' THEN TRUE ELSE FALSE END AS road_pros,
  CASE WHEN sport = 'mountain' AND age BETWEEN 18 AND 29 THEN TRUE ELSE FALSE END AS young_mountain,
  CASE WHEN city IN ('Wrocław', 'Wroclaw') AND newsletter THEN TRUE ELSE FALSE END AS wroclaw_newsletter,
  CASE WHEN NOT (
    sport IN ('gravel')
  ) THEN TRUE ELSE FALSE END AS not_gravel,
  CASE
    WHEN lifetime_value >= 1000 OR "level" = 'pro' AND lifetime_value >= 500.5
    THEN TRUE
    ELSE FALSE
  END AS high_value,
  CASE
    WHEN LENGTH(CAST(email AS BLOB)) >= 10
    AND SUBSTRING(CAST(email AS BLOB), -10) = x'40676d61696c2e636f6d'
    THEN TRUE
    ELSE FALSE
  END AS gmail,
  CASE
    WHEN SEGDSL_REGEXP('^W[a-z]+', city)
    AND NOT (
      INSTR(CAST(city AS BLOB), x'78') > 0
    )
    AND LENGTH(CAST(city AS BLOB)) >= 1
    AND SUBSTRING(CAST(city AS BLOB), 1, 1) = x'57'
    THEN TRUE
    ELSE FALSE
  END AS w_city,
  CASE WHEN email IS NULL THEN TRUE ELSE FALSE END AS no_email,
  CASE WHEN NOT email IS NULL THEN TRUE ELSE FALSE END AS has_email,
  CASE WHEN signup_date >= '2026-10-02' THEN TRUE ELSE FALSE END AS recent_signups,
  CASE
    WHEN last_seen < '2026-05-03 00:00:00' AND signup_date < '2024-06-01'
    THEN TRUE
    ELSE FALSE
  END AS lapsed,
  CASE
    WHEN CAST(lifetime_value AS REAL) / NULLIF((
      age - 17
    ), 0) > 40
    AND NOT (
      SEGDSL_LOWER(city) = 'wroclaw'
    )
    THEN TRUE
    ELSE FALSE
  END AS value_per_year,
  CASE
    WHEN (
      (
        sport = 'road' AND "level" = 'pro'
      )
      OR (
        lifetime_value >= 1000 OR "level" = 'pro' AND lifetime_value >= 500.5
      )
    )
    AND sex = 'F'
    THEN TRUE
    ELSE FALSE
  END AS pro_or_high_value_women,
  CASE WHEN NOT sport IS NULL THEN TRUE ELSE FALSE END AS cyclists,
  CASE WHEN (
    NOT sport IS NULL
  ) AND sport = 'road' THEN TRUE ELSE FALSE END AS "cyclists.road",
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND sport = 'road'
    ) AND "level" = 'beginner'
    THEN TRUE
    ELSE FALSE
  END AS "cyclists.road.beginner",
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND sport = 'road'
    ) AND "level" = 'amateur'
    THEN TRUE
    ELSE FALSE
  END AS "cyclists.road.amateur",
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND sport = 'road'
      ) AND "level" = 'amateur'
    )
    AND sex = 'F'
    THEN TRUE
    ELSE FALSE
  END AS "cyclists.road.amateur.women",
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND sport = 'road'
      ) AND "level" = 'amateur'
    )
    AND sex = 'M'
    THEN TRUE
    ELSE FALSE
  END AS "cyclists.road.amateur.men",
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND sport = 'road'
    ) AND "level" = 'pro'
    THEN TRUE
    ELSE FALSE
  END AS "cyclists.road.pro",
  CASE WHEN (
    NOT sport IS NULL
  ) AND sport = 'mountain' THEN TRUE ELSE FALSE END AS "cyclists.mountain",
  CASE WHEN (
    NOT sport IS NULL
  ) AND sport = 'gravel' THEN TRUE ELSE FALSE END AS "cyclists.gravel",
  CASE
    WHEN CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
    THEN TRUE
    ELSE FALSE
  END AS "lifecycle.vip",
  CASE
    WHEN NOT (
      CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
    )
    AND CASE WHEN last_seen < '2026-05-05 00:00:00' THEN 1 ELSE 0 END = 1
    THEN TRUE
    ELSE FALSE
  END AS "lifecycle.at_risk",
  CASE
    WHEN NOT (
      CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
    )
    AND NOT (
      CASE WHEN last_seen < '2026-05-05 00:00:00' THEN 1 ELSE 0 END = 1
    )
    THEN TRUE
    ELSE FALSE
  END AS "lifecycle.regular",
  CASE
    WHEN CASE
      WHEN (
        CASE WHEN newsletter THEN 1 ELSE 0 END + CASE WHEN age BETWEEN 25 AND 45 THEN 1 ELSE 0 END + CASE WHEN city IN ('Wrocław', 'Wroclaw') THEN 1 ELSE 0 END
      ) >= 2
      THEN 1
      WHEN (
        CASE WHEN NOT newsletter THEN 0 ELSE 1 END + CASE WHEN NOT (
          age BETWEEN 25 AND 45
        ) THEN 0 ELSE 1 END + CASE WHEN NOT (
          city IN ('Wrocław', 'Wroclaw')
        ) THEN 0 ELSE 1 END
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
          ) AND sport = 'road'
        ) AND "level" = 'amateur'
      )
      AND sex = 'F'
    )
    AND (
      CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 1, 1)
      ) - 1 AS INTEGER) * 268435456 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 2, 1)
      ) - 1 AS INTEGER) * 16777216 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 3, 1)
      ) - 1 AS INTEGER) * 1048576 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 4, 1)
      ) - 1 AS INTEGER) * 65536 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 5, 1)
      ) - 1 AS INTEGER) * 4096 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 6, 1)
      ) - 1 AS INTEGER) * 256 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 7, 1)
      ) - 1 AS INTEGER) * 16 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 8, 1)
      ) - 1 AS INTEGER) * 1
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
          ) AND sport = 'road'
        ) AND "level" = 'amateur'
      )
      AND sex = 'F'
    )
    AND (
      CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 1, 1)
      ) - 1 AS INTEGER) * 268435456 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 2, 1)
      ) - 1 AS INTEGER) * 16777216 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 3, 1)
      ) - 1 AS INTEGER) * 1048576 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 4, 1)
      ) - 1 AS INTEGER) * 65536 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 5, 1)
      ) - 1 AS INTEGER) * 4096 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 6, 1)
      ) - 1 AS INTEGER) * 256 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 7, 1)
      ) - 1 AS INTEGER) * 16 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('2026-q4:' || CAST(customer_id AS TEXT)), 8, 1)
      ) - 1 AS INTEGER) * 1
    ) % 10000 < 1000
    THEN TRUE
    ELSE FALSE
  END AS "campaign_a.holdout",
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND sport = 'mountain'
    )
    THEN TRUE
    ELSE FALSE
  END AS mountain_test,
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND sport = 'mountain'
      )
    )
    AND (
      CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 1, 1)
      ) - 1 AS INTEGER) * 268435456 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 2, 1)
      ) - 1 AS INTEGER) * 16777216 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 3, 1)
      ) - 1 AS INTEGER) * 1048576 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 4, 1)
      ) - 1 AS INTEGER) * 65536 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 5, 1)
      ) - 1 AS INTEGER) * 4096 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 6, 1)
      ) - 1 AS INTEGER) * 256 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 7, 1)
      ) - 1 AS INTEGER) * 16 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 8, 1)
      ) - 1 AS INTEGER) * 1
    ) % 10000 < 5000
    THEN TRUE
    ELSE FALSE
  END AS "mountain_test.a",
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND sport = 'mountain'
      )
    )
    AND (
      CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 1, 1)
      ) - 1 AS INTEGER) * 268435456 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 2, 1)
      ) - 1 AS INTEGER) * 16777216 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 3, 1)
      ) - 1 AS INTEGER) * 1048576 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 4, 1)
      ) - 1 AS INTEGER) * 65536 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 5, 1)
      ) - 1 AS INTEGER) * 4096 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 6, 1)
      ) - 1 AS INTEGER) * 256 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 7, 1)
      ) - 1 AS INTEGER) * 16 + CAST(INSTR(
        '0123456789abcdef',
        SUBSTRING(SEGDSL_MD5('mtb-2026:' || CAST(customer_id AS TEXT)), 8, 1)
      ) - 1 AS INTEGER) * 1
    ) % 10000 >= 5000
    THEN TRUE
    ELSE FALSE
  END AS "mountain_test.b",
  CASE
    WHEN CASE
      WHEN CASE WHEN (
        (
          NOT sport IS NULL
        ) AND sport = 'road'
      ) THEN 1 ELSE 0 END = 1
      OR CASE WHEN (
        (
          NOT sport IS NULL
        ) AND sport = 'gravel'
      ) THEN 1 ELSE 0 END = 1
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
    ELSE CASE
      WHEN sport IS NULL
      THEN 'null'
      WHEN sport = 'road'
      THEN 'road'
      WHEN sport = 'mountain'
      THEN 'mountain'
      WHEN sport = 'gravel'
      THEN 'gravel'
      ELSE 'other'
    END || '/' || CASE
      WHEN "level" IS NULL
      THEN 'null'
      WHEN "level" = 'beginner'
      THEN 'beginner'
      WHEN "level" = 'amateur'
      THEN 'amateur'
      WHEN "level" = 'pro'
      THEN 'pro'
      ELSE 'other'
    END || '/' || CASE
      WHEN sex IS NULL
      THEN 'null'
      WHEN sex = 'F'
      THEN 'F'
      WHEN sex = 'M'
      THEN 'M'
      ELSE 'other'
    END
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
    WHEN last_seen < '2026-05-05 00:00:00'
    THEN 'at_risk'
    ELSE 'regular'
  END AS lifecycle
FROM customers
