"""A report as a model (titles, tables, text) and its two renderings: a formatted workbook and a
Decree 30/2020 PDF. Feature reports (targets, initiatives, fund …) build the model."""
