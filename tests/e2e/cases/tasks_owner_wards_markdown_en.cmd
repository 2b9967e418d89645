tasks examples/lang-son-2024 --owner ubnd-cac-phuong-xa --as-of 2024-11-05 --lang en --format markdown
