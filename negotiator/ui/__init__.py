"""The desktop window: the only package that imports Qt."""

from negotiator.ui.common.pyside_imports import lighten_feature_check

lighten_feature_check()  # before the window's modules (and SQLAlchemy's) are imported
