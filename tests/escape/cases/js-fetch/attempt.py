import js

js.fetch("http://127.0.0.1:__PORT__/fetch")
