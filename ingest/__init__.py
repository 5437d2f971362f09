"""Reading reports (txt/docx/pdf, any common encoding) and extracting candidate figures."""
