"""The domain of Sổ Công đoàn: rules, calculations, import/export, documents. No Qt here."""
