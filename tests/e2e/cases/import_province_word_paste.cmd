import tests/fixtures/import/province_word_paste.txt
