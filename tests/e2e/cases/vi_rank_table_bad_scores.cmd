rank --table tests/fixtures/tables/pgi-2024-bad-scores.csv --province "Lạng Sơn"
