"""京蒙协作成果看板: the router (ui/shell.main; the pages: ui/routes.py, their scripts: views/).

Kept to two lines: Streamlit compiles the main script again for every new session."""

from ui import shell

shell.main()
