"""Sphinx configuration of the book: MyST-NB renders the notebooks with their stored outputs (never executes them)."""

project = "Who said what, how sure, how positive"
author = "the project's authors"
copyright = "the project's authors"
language = "en"

extensions = ["myst_nb", "sphinx_design"]

# Notebooks are shown as committed: `make notebooks` is the one command that executes them.
nb_execution_mode = "off"
nb_merge_streams = True
nb_code_prompt_show = "Show code cell {type}"
nb_code_prompt_hide = "Hide code cell {type}"
# Widgets cannot run in a static page: show an output's static fallback (its text/html) and load no widget
# JavaScript (MyST-NB would fetch it from a CDN, which an offline reader cannot reach).
nb_mime_priority_overrides = [("html", "application/vnd.jupyter.widget-view+json", None)]
nb_ipywidgets_js = {}

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

exclude_patterns = [".doctrees", "**/.ipynb_checkpoints"]
suppress_warnings = [
    # headings inside an exercise or solution cell become rubrics inside its box, which is what we want
    "myst.nested_header",
    # heading levels that skip one (H1 to H3) are a matter of style, not of broken output
    "myst.header",
]

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_css_files = ["book.css"]
html_copy_source = True
html_show_sphinx = False
html_last_updated_fmt = None
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "show_toc_level": 2,
    "use_download_button": True,
    "use_fullscreen_button": True,
    "navigation_with_keys": False,
}
html_favicon = "_static/favicon.svg"
# a fixed light theme: notebook outputs (tables, displaCy, figures) are drawn for a white page
html_context = {"default_mode": "light"}
