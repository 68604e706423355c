# Tests: CUnit unit tests (plain and under ASan+UBSan), the loader's
# malformed-input corpus, the differential runner and the benchmarks.
