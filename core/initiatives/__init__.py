"""The initiative register (sổ theo dõi sáng kiến): records, eligibility, the register as a list,
workbook import/export, printed documents and the period summary."""
