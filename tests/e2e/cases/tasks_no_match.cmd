tasks examples/lang-son-2024 --status cancelled
