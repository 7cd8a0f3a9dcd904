SELECT
  customer_id,
  CASE
    WHEN sport COLLATE Latin1_General_100_BIN2 = N'road'
    AND LEN(sport + '.') = LEN(N'road' + '.')
    AND [level] COLLATE Latin1_General_100_BIN2 = N'amateur'
    AND LEN([level] + '.') = LEN(N'amateur' + '.')
    AND sex COLLATE Latin1_General_100_BIN2 = N'F'
    AND LEN(sex + '.') = LEN(N'F' + '.')
    THEN 1
    ELSE 0
  END AS amateur_women_road,
  CASE
    WHEN sport COLLATE Latin1_General_100_BIN2 = N'road'
    AND LEN(sport + '.') = LEN(N'road' + '.')
    AND [level] COLLATE Latin1_General_100_BIN2 = N'pro'
    AND LEN([level] + '.') = LEN(N'pro' + '.')
    THEN 1
    ELSE 0
  END AS road_pros,
  CASE
    WHEN sport COLLATE Latin1_General_100_BIN2 = N'mountain'
    AND LEN(sport + '.') = LEN(N'mountain' + '.')
    AND age BETWEEN 18 AND 29
    THEN 1
    ELSE 0
  END AS young_mountain,
  CASE
    WHEN (
      (
        city COLLATE Latin1_General_100_BIN2 = N'Wrocław'
        AND LEN(city + '.') = LEN(N'Wrocław' + '.')
      )
      OR (
        city COLLATE Latin1_General_100_BIN2 = N'Wroclaw'
        AND LEN(city + '.') = LEN(N'Wroclaw' + '.')
      )
    )
    AND newsletter = 1
    THEN 1
    ELSE 0
  END AS wroclaw_newsletter,
  CASE
    WHEN NOT (
      sport COLLATE Latin1_General_100_BIN2 = N'gravel'
      AND LEN(sport + '.') = LEN(N'gravel' + '.')
    )
    THEN 1
    ELSE 0
  END AS not_gravel,
  CASE
    WHEN lifetime_value >= 1000
    OR [level] COLLATE Latin1_General_100_BIN2 = N'pro'
    AND LEN([level] + '.') = LEN(N'pro' + '.')
    AND lifetime_value >= 500.5
    THEN 1
    ELSE 0
  END AS high_value,
  CASE
    WHEN RIGHT(email, 10) COLLATE Latin1_General_100_BIN2 = N'@gmail.com'
    AND LEN(RIGHT(email, 10) + '.') = LEN(N'@gmail.com' + '.')
    THEN 1
    ELSE 0
  END AS gmail,
  CASE
    WHEN REGEXP_LIKE(city, N'^W[a-z]+', 'c')
    AND NOT (
      CHARINDEX(N'x' COLLATE Latin1_General_100_BIN2, city) > 0
    )
    AND LEFT(city, 1) COLLATE Latin1_General_100_BIN2 = N'W'
    AND LEN(LEFT(city, 1) + '.') = LEN(N'W' + '.')
    THEN 1
    ELSE 0
  END AS w_city,
  CASE WHEN email IS NULL THEN 1 ELSE 0 END AS no_email,
  CASE WHEN NOT email IS NULL THEN 1 ELSE 0 END AS has_email,
  CASE WHEN signup_date >= CAST('2026-10-02' AS DATE) THEN 1 ELSE 0 END AS recent_signups,
  CASE
    WHEN last_seen < CAST('2026-05-03 00:00:00' AS DATETIME2)
    AND signup_date < CAST('2024-06-01' AS DATE)
    THEN 1
    ELSE 0
  END AS lapsed,
  CASE
    WHEN CAST(lifetime_value AS FLOAT) / NULLIF((
      age - 17
    ), 0) > 40
    AND NOT (
      LOWER(city) COLLATE Latin1_General_100_BIN2 = N'wroclaw'
      AND LEN(LOWER(city) + '.') = LEN(N'wroclaw' + '.')
    )
    THEN 1
    ELSE 0
  END AS value_per_year,
  CASE
    WHEN (
      (
        sport COLLATE Latin1_General_100_BIN2 = N'road'
        AND LEN(sport + '.') = LEN(N'road' + '.')
        AND [level] COLLATE Latin1_General_100_BIN2 = N'pro'
        AND LEN([level] + '.') = LEN(N'pro' + '.')
      )
      OR (
        lifetime_value >= 1000
        OR [level] COLLATE Latin1_General_100_BIN2 = N'pro'
        AND LEN([level] + '.') = LEN(N'pro' + '.')
        AND lifetime_value >= 500.5
      )
    )
    AND sex COLLATE Latin1_General_100_BIN2 = N'F'
    AND LEN(sex + '.') = LEN(N'F' + '.')
    THEN 1
    ELSE 0
  END AS pro_or_high_value_women,
  CASE WHEN NOT sport IS NULL THEN 1 ELSE 0 END AS cyclists,
  CASE
    WHEN (
      NOT sport IS NULL
    )
    AND sport COLLATE Latin1_General_100_BIN2 = N'road'
    AND LEN(sport + '.') = LEN(N'road' + '.')
    THEN 1
    ELSE 0
  END AS [cyclists.road],
  CASE
    WHEN (
      (
        NOT sport IS NULL
      )
      AND sport COLLATE Latin1_General_100_BIN2 = N'road'
      AND LEN(sport + '.') = LEN(N'road' + '.')
    )
    AND [level] COLLATE Latin1_General_100_BIN2 = N'beginner'
    AND LEN([level] + '.') = LEN(N'beginner' + '.')
    THEN 1
    ELSE 0
  END AS [cyclists.road.beginner],
  CASE
    WHEN (
      (
        NOT sport IS NULL
      )
      AND sport COLLATE Latin1_General_100_BIN2 = N'road'
      AND LEN(sport + '.') = LEN(N'road' + '.')
    )
    AND [level] COLLATE Latin1_General_100_BIN2 = N'amateur'
    AND LEN([level] + '.') = LEN(N'amateur' + '.')
    THEN 1
    ELSE 0
  END AS [cyclists.road.amateur],
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        )
        AND sport COLLATE Latin1_General_100_BIN2 = N'road'
        AND LEN(sport + '.') = LEN(N'road' + '.')
      )
      AND [level] COLLATE Latin1_General_100_BIN2 = N'amateur'
      AND LEN([level] + '.') = LEN(N'amateur' + '.')
    )
    AND sex COLLATE Latin1_General_100_BIN2 = N'F'
    AND LEN(sex + '.') = LEN(N'F' + '.')
    THEN 1
    ELSE 0
  END AS [cyclists.road.amateur.women],
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        )
        AND sport COLLATE Latin1_General_100_BIN2 = N'road'
        AND LEN(sport + '.') = LEN(N'road' + '.')
      )
      AND [level] COLLATE Latin1_General_100_BIN2 = N'amateur'
      AND LEN([level] + '.') = LEN(N'amateur' + '.')
    )
    AND sex COLLATE Latin1_General_100_BIN2 = N'M'
    AND LEN(sex + '.') = LEN(N'M' + '.')
    THEN 1
    ELSE 0
  END AS [cyclists.road.amateur.men],
  CASE
    WHEN (
      (
        NOT sport IS NULL
      )
      AND sport COLLATE Latin1_General_100_BIN2 = N'road'
      AND LEN(sport + '.') = LEN(N'road' + '.')
    )
    AND [level] COLLATE Latin1_General_100_BIN2 = N'pro'
    AND LEN([level] + '.') = LEN(N'pro' + '.')
    THEN 1
    ELSE 0
  END AS [cyclists.road.pro],
  CASE
    WHEN (
      NOT sport IS NULL
    )
    AND sport COLLATE Latin1_General_100_BIN2 = N'mountain'
    AND LEN(sport + '.') = LEN(N'mountain' + '.')
    THEN 1
    ELSE 0
  END AS [cyclists.mountain],
  CASE
    WHEN (
      NOT sport IS NULL
    )
    AND sport COLLATE Latin1_General_100_BIN2 = N'gravel'
    AND LEN(sport + '.') = LEN(N'gravel' + '.')
    THEN 1
    ELSE 0
  END AS [cyclists.gravel],
  CASE WHEN CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1 THEN 1 ELSE 0 END AS [lifecycle.vip],
  CASE
    WHEN NOT (
      CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
    )
    AND CASE WHEN last_seen < CAST('2026-05-05 00:00:00' AS DATETIME2) THEN 1 ELSE 0 END = 1
    THEN 1
    ELSE 0
  END AS [lifecycle.at_risk],
  CASE
    WHEN NOT (
      CASE WHEN lifetime_value >= 3000 THEN 1 ELSE 0 END = 1
    )
    AND NOT (
      CASE WHEN last_seen < CAST('2026-05-05 00:00:00' AS DATETIME2) THEN 1 ELSE 0 END = 1
    )
    THEN 1
    ELSE 0
  END AS [lifecycle.regular],
  CASE
    WHEN CASE
      WHEN (
        CASE WHEN newsletter = 1 THEN 1 ELSE 0 END + CASE WHEN age BETWEEN 25 AND 45 THEN 1 ELSE 0 END + CASE
          WHEN (
            city COLLATE Latin1_General_100_BIN2 = N'Wrocław'
            AND LEN(city + '.') = LEN(N'Wrocław' + '.')
          )
          OR (
            city COLLATE Latin1_General_100_BIN2 = N'Wroclaw'
            AND LEN(city + '.') = LEN(N'Wroclaw' + '.')
          )
          THEN 1
          ELSE 0
        END
      ) >= 2
      THEN 1
      WHEN (
        CASE WHEN NOT (
          newsletter = 1
        ) THEN 0 ELSE 1 END + CASE WHEN NOT (
          age BETWEEN 25 AND 45
        ) THEN 0 ELSE 1 END + CASE
          WHEN NOT (
            (
              city COLLATE Latin1_General_100_BIN2 = N'Wrocław'
              AND LEN(city + '.') = LEN(N'Wrocław' + '.')
            )
            OR (
              city COLLATE Latin1_General_100_BIN2 = N'Wroclaw'
              AND LEN(city + '.') = LEN(N'Wroclaw' + '.')
            )
          )
          THEN 0
          ELSE 1
        END
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
          )
          AND sport COLLATE Latin1_General_100_BIN2 = N'road'
          AND LEN(sport + '.') = LEN(N'road' + '.')
        )
        AND [level] COLLATE Latin1_General_100_BIN2 = N'amateur'
        AND LEN([level] + '.') = LEN(N'amateur' + '.')
      )
      AND sex COLLATE Latin1_General_100_BIN2 = N'F'
      AND LEN(sex + '.') = LEN(N'F' + '.')
    )
    AND (
      CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          1,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 268435456 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          2,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 16777216 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          3,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 1048576 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          4,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 65536 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          5,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 4096 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          6,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 256 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          7,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 16 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          8,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 1
    ) % 10000 >= 1000
    THEN 1
    ELSE 0
  END AS campaign_a,
  CASE
    WHEN (
      (
        (
          (
            NOT sport IS NULL
          )
          AND sport COLLATE Latin1_General_100_BIN2 = N'road'
          AND LEN(sport + '.') = LEN(N'road' + '.')
        )
        AND [level] COLLATE Latin1_General_100_BIN2 = N'amateur'
        AND LEN([level] + '.') = LEN(N'amateur' + '.')
      )
      AND sex COLLATE Latin1_General_100_BIN2 = N'F'
      AND LEN(sex + '.') = LEN(N'F' + '.')
    )
    AND (
      CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          1,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 268435456 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          2,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 16777216 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          3,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 1048576 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          4,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 65536 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          5,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 4096 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          6,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 256 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          7,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 16 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'2026-q4:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          8,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 1
    ) % 10000 < 1000
    THEN 1
    ELSE 0
  END AS [campaign_a.holdout],
  CASE
    WHEN (
      (
        NOT sport IS NULL
      )
      AND sport COLLATE Latin1_General_100_BIN2 = N'mountain'
      AND LEN(sport + '.') = LEN(N'mountain' + '.')
    )
    THEN 1
    ELSE 0
  END AS mountain_test,
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        )
        AND sport COLLATE Latin1_General_100_BIN2 = N'mountain'
        AND LEN(sport + '.') = LEN(N'mountain' + '.')
      )
    )
    AND (
      CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          1,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 268435456 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          2,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 16777216 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          3,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 1048576 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          4,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 65536 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          5,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 4096 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          6,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 256 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          7,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 16 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          8,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 1
    ) % 10000 < 5000
    THEN 1
    ELSE 0
  END AS [mountain_test.a],
  CASE
    WHEN (
      (
        (
          NOT sport IS NULL
        )
        AND sport COLLATE Latin1_General_100_BIN2 = N'mountain'
        AND LEN(sport + '.') = LEN(N'mountain' + '.')
      )
    )
    AND (
      CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          1,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 268435456 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          2,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 16777216 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          3,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 1048576 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          4,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 65536 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          5,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 4096 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          6,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 256 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          7,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 16 + CAST(CHARINDEX(
        SUBSTRING(
          LOWER(
            CONVERT(
              VARCHAR(32),
              HASHBYTES('MD5', CAST(N'mtb-2026:' + CAST(customer_id AS VARCHAR) AS VARCHAR(8000))),
              2
            )
          ),
          8,
          1
        ),
        '0123456789abcdef'
      ) - 1 AS BIGINT) * 1
    ) % 10000 >= 5000
    THEN 1
    ELSE 0
  END AS [mountain_test.b],
  CASE
    WHEN CASE
      WHEN CASE
        WHEN (
          (
            NOT sport IS NULL
          )
          AND sport COLLATE Latin1_General_100_BIN2 = N'road'
          AND LEN(sport + '.') = LEN(N'road' + '.')
        )
        THEN 1
        ELSE 0
      END = 1
      OR CASE
        WHEN (
          (
            NOT sport IS NULL
          )
          AND sport COLLATE Latin1_General_100_BIN2 = N'gravel'
          AND LEN(sport + '.') = LEN(N'gravel' + '.')
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
    ELSE CASE
      WHEN sport IS NULL
      THEN N'null'
      WHEN sport COLLATE Latin1_General_100_BIN2 = N'road'
      AND LEN(sport + '.') = LEN(N'road' + '.')
      THEN N'road'
      WHEN sport COLLATE Latin1_General_100_BIN2 = N'mountain'
      AND LEN(sport + '.') = LEN(N'mountain' + '.')
      THEN N'mountain'
      WHEN sport COLLATE Latin1_General_100_BIN2 = N'gravel'
      AND LEN(sport + '.') = LEN(N'gravel' + '.')
      THEN N'gravel'
      ELSE N'other'
    END + N'/' + CASE
      WHEN [level] IS NULL
      THEN N'null'
      WHEN [level] COLLATE Latin1_General_100_BIN2 = N'beginner'
      AND LEN([level] + '.') = LEN(N'beginner' + '.')
      THEN N'beginner'
      WHEN [level] COLLATE Latin1_General_100_BIN2 = N'amateur'
      AND LEN([level] + '.') = LEN(N'amateur' + '.')
      THEN N'amateur'
      WHEN [level] COLLATE Latin1_General_100_BIN2 = N'pro'
      AND LEN([level] + '.') = LEN(N'pro' + '.')
      THEN N'pro'
      ELSE N'other'
    END + N'/' + CASE
      WHEN sex IS NULL
      THEN N'null'
      WHEN sex COLLATE Latin1_General_100_BIN2 = N'F' AND LEN(sex + '.') = LEN(N'F' + '.')
      THEN N'F'
      WHEN sex COLLATE Latin1_General_100_BIN2 = N'M' AND LEN(sex + '.') = LEN(N'M' + '.')
      THEN N'M'
      ELSE N'other'
    END
  END AS bikes,
  CASE
    WHEN age IS NULL
    THEN N'null'
    WHEN age < 18
    THEN N'<18'
    WHEN age < 25
    THEN N'18-24'
    WHEN age < 35
    THEN N'25-34'
    WHEN age < 50
    THEN N'35-49'
    WHEN age < 65
    THEN N'50-64'
    ELSE N'65+'
  END AS ages,
  CASE
    WHEN lifetime_value >= 3000
    THEN N'vip'
    WHEN last_seen < CAST('2026-05-05 00:00:00' AS DATETIME2)
    THEN N'at_risk'
    ELSE N'regular'
  END AS lifecycle
FROM customers
