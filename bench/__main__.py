"""`python -m bench [NAME …]`: run the benchmarks and update docs/PERFORMANCE.md."""

import importlib
import sys

BENCHMARKS = ["startup", "member_search", "search", "register_page", "table_scroll", "progress",
              "initiative_io", "demo_load", "similarity", "workbook_guard", "certificates",
              "fund_ledger", "sync_package"]


def main(names: list[str]) -> int:
    for name in names or BENCHMARKS:
        module = importlib.import_module(f"bench.{name}")
        print(name, module.run(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
