import socket

connection = socket.create_connection(("127.0.0.1", __PORT__), timeout=2)
connection.sendall(b"GET /socket HTTP/1.0\r\n\r\n")
