rank --table tests/fixtures/tables/pgi-2024.csv --province "Hà Tây"
