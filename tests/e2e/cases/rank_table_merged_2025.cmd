rank --table tests/fixtures/tables/pgi-2025-merged.csv --province "Lạng Sơn"
