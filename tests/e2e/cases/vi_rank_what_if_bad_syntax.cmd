rank --lang vi --table tests/fixtures/tables/pgi-2024.csv --province "Lạng Sơn" --set 5=6.00
