report examples/lang-son-2024 --period 2024-13
