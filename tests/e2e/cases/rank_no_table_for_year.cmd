rank --table tests/fixtures/tables/pgi-2024.csv --province "Lạng Sơn" --year 2022
