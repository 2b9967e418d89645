rank --table tests/fixtures/tables/pgi-2024.csv --province "Lạng Sơn" --set 3=+4.00
