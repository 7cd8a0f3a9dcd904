SELECT
  customer_id,
  CASE WHEN sport = 'road' AND "LEVEL" = 'amateur' AND sex = 'F' THEN 1 ELSE 0 END AS amateur_women_road,
  CASE WHEN sport = 'road' AND "LEVEL" = 'pro' THEN 1 ELSE 0 END AS road_pros,
  CASE WHEN sport = 'mountain' AND age BETWEEN 18 AND 29 THEN 1 ELSE 0 END AS young_mountain,
  CASE WHEN city IN ('Wrocław', 'Wroclaw') AND newsletter = 1 THEN 1 ELSE 0 END AS wroclaw_newsletter,
  CASE WHEN NOT (
    sport IN ('gravel')
  ) THEN 1 ELSE 0 END AS not_gravel,
  CASE
    WHEN lifetime_value >= 1000 OR "LEVEL" = 'pro' AND lifetime_value >= 500.5
    THEN 1
    ELSE 0
  END AS high_value,
  CASE
    WHEN LENGTH(email) >= 10 AND SUBSTR(email, -10) = '@gmail.com'
    THEN 1
    ELSE 0
  END AS gmail,
  CASE
    WHEN REGEXP_LIKE(city, '^W[a-z]+', 'c')
    AND NOT (
      INSTR(city, 'x') > 0
    )
    AND SUBSTR(city, 1, 1) = 'W'
    THEN 1
    ELSE 0
  END AS w_city,
  CASE WHEN email IS NULL THEN 1 ELSE 0 END AS no_email,
  CASE WHEN NOT email IS NULL THEN 1 ELSE 0 END AS has_email,
  CASE WHEN signup_date >= TO_DATE('2026-10-02', 'YYYY-MM-DD') THEN 1 ELSE 0 END AS recent_signups,
  CASE
    WHEN last_seen < TO_TIMESTAMP('2026-05-03 00:00:00', 'YYYY-MM-DD HH24:MI:SS')
    AND signup_date < TO_DATE('2024-06-01', 'YYYY-MM-DD')
    THEN 1
    ELSE 0
  END AS lapsed,
  CASE
    WHEN CAST(lifetime_value AS DOUBLE PRECISION) / NULLIF((
      age - 17
    ), 0) > 40
    AND NOT (
      LOWER(city) = 'wroclaw'
    )
    THEN 1
    ELSE 0
  END AS value_per_year,
  CASE
    WHEN (
      (
        sport = 'road' AND "LEVEL" = 'pro'
      )
      OR (
        lifetime_value >= 1000 OR "LEVEL" = 'pro' AND lifetime_value >= 500.5
      )
    )
    AND sex = 'F'
    THEN 1
    ELSE 0
  END AS pro_or_high_value_women,
  CASE WHEN NOT sport IS NULL THEN 1 ELSE 0 END AS cyclists,
  CASE WHEN (
    NOT sport IS NULL
  ) AND sport = 'road' THEN 1 ELSE 0 END AS "cyclists.road",
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND sport = 'road'
    ) AND "LEVEL" = 'beginner'
    THEN 1
    ELSE 0
  END AS "cyclists.road.beginner",
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND sport = 'road'
    ) AND "LEVEL" = 'amateur'
    THEN 1
    ELSE 0
  END AS "cyclists.road.amateur",
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND sport = 'road'
      ) AND "LEVEL" = 'amateur'
    )
    AND sex = 'F'
    THEN 1
    ELSE 0
  END AS "cyclists.road.amateur.women",
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND sport = 'road'
      ) AND "LEVEL" = 'amateur'
    )
    AND sex = 'M'
    THEN 1
    ELSE 0
  END AS "cyclists.road.amateur.men",
  CASE
    WHEN (
      (
        NOT sport IS NULL
      ) AND sport = 'road'
    ) AND "LEVEL" = 'pro'
    THEN 1
    ELSE 0
  END AS "cyclists.road.pro",
  CASE WHEN (
    NOT sport IS NULL
  ) AND sport = 'mountain' THEN 1 ELSE 0 END AS "cyclists.mountain",
  CASE WHEN (
    NOT sport IS NULL
  ) AND sport = 'gravel' THEN 1 ELSE 0 END AS "cyclists.gravel",
  CASE WHEN CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1 THEN 1 ELSE 0 END AS "lifecycle.vip",
  CASE
    WHEN NOT (
      CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
    )
    AND CASE
      WHEN last_seen < TO_TIMESTAMP('2026-05-05 00:00:00', 'YYYY-MM-DD HH24:MI:SS')
      THEN 1
      ELSE 0
    END = 1
    THEN 1
    ELSE 0
  END AS "lifecycle.at_risk",
  CASE
    WHEN NOT (
      CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
    )
    AND NOT (
      CASE
        WHEN last_seen < TO_TIMESTAMP('2026-05-05 00:00:00', 'YYYY-MM-DD HH24:MI:SS')
        THEN 1
        ELSE 0
      END = 1
    )
    THEN 1
    ELSE 0
  END AS "lifecycle.regular",
  CASE
    WHEN CASE
      WHEN (
        CASE WHEN newsletter = 1 THEN 1 ELSE 0 END + CASE WHEN age BETWEEN 25 AND 45 THEN 1 ELSE 0 END + CASE WHEN city IN ('Wrocław', 'Wroclaw') THEN 1 ELSE 0 END
      ) >= 2
      THEN 1
      WHEN (
        CASE WHEN NOT (
          newsletter = 1
        ) THEN 0 ELSE 1 END + CASE WHEN NOT (
          age BETWEEN 25 AND 45
        ) THEN 0 ELSE 1 END + CASE WHEN NOT (
          city IN ('Wrocław', 'Wroclaw')
        ) THEN 0 ELSE 1 END
      ) < 2
      THEN 0
    END = 1
    THEN 1
    ELSE 0
  END AS engaged,
  CASE
    WHEN (
      (
        (
          (
            NOT sport IS NULL
          ) AND sport = 'road'
        ) AND "LEVEL" = 'amateur'
      )
      AND sex = 'F'
    )
    AND MOD(
      (
        CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            1,
            1
          )
        ) - 1 AS INT) * 268435456 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            2,
            1
          )
        ) - 1 AS INT) * 16777216 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            3,
            1
          )
        ) - 1 AS INT) * 1048576 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            4,
            1
          )
        ) - 1 AS INT) * 65536 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            5,
            1
          )
        ) - 1 AS INT) * 4096 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            6,
            1
          )
        ) - 1 AS INT) * 256 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            7,
            1
          )
        ) - 1 AS INT) * 16 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            8,
            1
          )
        ) - 1 AS INT) * 1
      ),
      10000
    ) >= 1000
    THEN 1
    ELSE 0
  END AS campaign_a,
  CASE
    WHEN (
      (
        (
          (
            NOT sport IS NULL
          ) AND sport = 'road'
        ) AND "LEVEL" = 'amateur'
      )
      AND sex = 'F'
    )
    AND MOD(
      (
        CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            1,
            1
          )
        ) - 1 AS INT) * 268435456 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            2,
            1
          )
        ) - 1 AS INT) * 16777216 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            3,
            1
          )
        ) - 1 AS INT) * 1048576 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            4,
            1
          )
        ) - 1 AS INT) * 65536 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            5,
            1
          )
        ) - 1 AS INT) * 4096 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            6,
            1
          )
        ) - 1 AS INT) * 256 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            7,
            1
          )
        ) - 1 AS INT) * 16 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('2026-q4:', TO_CHAR(customer_id)), 'MD5'))),
            8,
            1
          )
        ) - 1 AS INT) * 1
      ),
      10000
    ) < 1000
    THEN 1
    ELSE 0
  END AS "campaign_a.holdout",
  CASE WHEN (
    (
      NOT sport IS NULL
    ) AND sport = 'mountain'
  ) THEN 1 ELSE 0 END AS mountain_test,
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND sport = 'mountain'
      )
    )
    AND MOD(
      (
        CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            1,
            1
          )
        ) - 1 AS INT) * 268435456 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            2,
            1
          )
        ) - 1 AS INT) * 16777216 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            3,
            1
          )
        ) - 1 AS INT) * 1048576 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            4,
            1
          )
        ) - 1 AS INT) * 65536 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            5,
            1
          )
        ) - 1 AS INT) * 4096 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            6,
            1
          )
        ) - 1 AS INT) * 256 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            7,
            1
          )
        ) - 1 AS INT) * 16 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            8,
            1
          )
        ) - 1 AS INT) * 1
      ),
      10000
    ) < 5000
    THEN 1
    ELSE 0
  END AS "mountain_test.a",
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        ) AND sport = 'mountain'
      )
    )
    AND MOD(
      (
        CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            1,
            1
          )
        ) - 1 AS INT) * 268435456 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            2,
            1
          )
        ) - 1 AS INT) * 16777216 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            3,
            1
          )
        ) - 1 AS INT) * 1048576 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            4,
            1
          )
        ) - 1 AS INT) * 65536 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            5,
            1
          )
        ) - 1 AS INT) * 4096 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            6,
            1
          )
        ) - 1 AS INT) * 256 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            7,
            1
          )
        ) - 1 AS INT) * 16 + CAST(INSTR(
          '0123456789abcdef',
          SUBSTR(
            LOWER(RAWTOHEX(STANDARD_HASH(CONCAT('mtb-2026:', TO_CHAR(customer_id)), 'MD5'))),
            8,
            1
          )
        ) - 1 AS INT) * 1
      ),
      10000
    ) >= 5000
    THEN 1
    ELSE 0
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
    THEN 1
    ELSE 0
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
        WHEN sport = 'road'
        THEN 'road'
        WHEN sport = 'mountain'
        THEN 'mountain'
        WHEN sport = 'gravel'
        THEN 'gravel'
        ELSE 'other'
      END,
      '/',
      CASE
        WHEN "LEVEL" IS NULL
        THEN 'null'
        WHEN "LEVEL" = 'beginner'
        THEN 'beginner'
        WHEN "LEVEL" = 'amateur'
        THEN 'amateur'
        WHEN "LEVEL" = 'pro'
        THEN 'pro'
        ELSE 'other'
      END,
      '/',
      CASE
        WHEN sex IS NULL
        THEN 'null'
        WHEN sex = 'F'
        THEN 'F'
        WHEN sex = 'M'
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
    WHEN last_seen < TO_TIMESTAMP('2026-05-05 00:00:00', 'YYYY-MM-DD HH24:MI:SS')
    THEN 'at_risk'
    ELSE 'regular'
  END AS lifecycle
FROM customers
