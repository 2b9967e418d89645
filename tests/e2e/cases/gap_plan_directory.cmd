gap examples/lang-son-2024 --as-of 2024-10-31 --lang en --format csv
