rank --table tests/fixtures/tables/pgi-2023.csv --table tests/fixtures/tables/pgi-2024.csv --province "lang son" --year 2023 --top 10
