gap examples/lang-son-2024
