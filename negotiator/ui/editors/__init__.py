"""Editors shared by the panels and the dialogs: the risk share, a typed term value, wording."""
