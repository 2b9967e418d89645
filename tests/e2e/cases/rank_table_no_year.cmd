rank --table tests/fixtures/tables/no-year.csv --province "Lạng Sơn"
