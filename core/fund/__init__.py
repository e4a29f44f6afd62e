"""The mutual-aid fund ledger (Quỹ tương hỗ Công đoàn): funds, a double-entry journal,
contributions, loans and repayments. Not built yet."""
