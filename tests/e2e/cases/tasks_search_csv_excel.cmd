tasks examples/lang-son-2024 --search "BAN DO canh bao" --as-of 2024-11-05 --format csv --csv-dialect excel
