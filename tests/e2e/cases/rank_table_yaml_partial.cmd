rank --table tests/fixtures/tables/pgi-2024-short.yaml --province "lạng sơn" -f json
