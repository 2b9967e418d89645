rank --table tests/fixtures/tables/pgi-2024-bad-names.csv --province "Lạng Sơn"
