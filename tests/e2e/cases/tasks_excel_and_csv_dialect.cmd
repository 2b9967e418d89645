tasks examples/lang-son-2024 --excel --csv-dialect excel-vi --format csv
