rank --table tests/fixtures/tables/pgi-2025-vi-semicolon.csv --province "Khánh Hoà" --top 3 --lang en
