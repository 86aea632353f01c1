import pyodide_js

pyodide_js.loadPackage("http://127.0.0.1:__PORT__/evil-1.0-py3-none-any.whl")
