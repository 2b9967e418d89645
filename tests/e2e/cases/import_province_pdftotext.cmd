import tests/fixtures/import/province_pdftotext.txt
