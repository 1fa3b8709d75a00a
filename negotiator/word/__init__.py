"""The only package that knows OOXML: clean and redlined .docx export, and reading changes back."""
