"""lxml, as Negotiator uses it: python-docx and the app need lxml.etree alone.

The community hook takes every lxml submodule (HTML, objectify, schematron: several megabytes the app
never loads); this one, found first through ``hookspath`` in negotiator.spec, takes what etree needs.
"""

hiddenimports = ["lxml.etree", "lxml._elementpath"]
