tasks examples/lang-son-2024 --as-of 2024-11-05 --owner phong-tai-nguyen-va-moi-truong --format csv --csv-dialect excel-vi
